package io.herald.app.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The segment builder as the browser sees it. Lines are found by their {@code data-row} key ({@code
 * open-top}, {@code leaf-2.1}, {@code close-2}; see the web-admin README), and every step waits for
 * the AJAX request it starts.
 */
final class BuilderScreen {

  private final ConsoleBrowser console;

  BuilderScreen(ConsoleBrowser console) {
    this.console = console;
  }

  /** Opens the builder from the segment list's "New data segment" button. */
  BuilderScreen openNew() {
    console.navigate("navSegments", "/admin/segments.xhtml");
    console.driver().findElement(By.id("newDataSegment")).click();
    console.waitFor().until(ExpectedConditions.urlContains("/admin/segment-builder.xhtml"));
    console
        .waitFor()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("builderForm:name")));
    console.ajaxDone();
    return this;
  }

  void name(String name) {
    WebElement field = console.driver().findElement(By.id("builderForm:name"));
    field.clear();
    field.sendKeys(name);
  }

  /** Clicks "+ Condition" at the end of group {@code group} ({@code top}, {@code 2}, …). */
  void addCondition(String group) {
    click("close-" + group, "add-condition");
  }

  /** Clicks "+ Group" at the end of group {@code group}. */
  void addGroup(String group) {
    click("close-" + group, "add-group");
  }

  /** Clicks the NOT toggle of a line. */
  void toggleNot(String row) {
    click(row, "not-toggle");
  }

  /** Clicks the element of class {@code cssClass} in the line {@code row}. */
  void click(String row, String cssClass) {
    in(row, cssClass).click();
    console.ajaxDone();
  }

  /** Chooses the option labelled {@code label} in the select of class {@code cssClass}. */
  void select(String row, String cssClass, String label) {
    new Select(in(row, cssClass)).selectByVisibleText(label);
    console.ajaxDone();
  }

  /** Types {@code text} into the input of class {@code cssClass} and leaves it (a change). */
  void type(String row, String cssClass, String text) {
    WebElement input = in(row, cssClass);
    input.clear();
    input.sendKeys(text, Keys.TAB);
    console.ajaxDone();
  }

  private WebElement in(String row, String cssClass) {
    By locator = By.cssSelector("[data-row='" + row + "'] ." + cssClass);
    return console.waitFor().until(ExpectedConditions.elementToBeClickable(locator));
  }

  /** Waits until the preview says {@code count} people match. */
  void awaitPreview(long count) {
    console
        .waitFor()
        .until(ExpectedConditions.textToBe(By.id("previewCount"), Long.toString(count)));
  }

  /** The cio_ids of the preview's sample. */
  java.util.List<String> sample() {
    return console.driver().findElements(By.cssSelector(".sample-row .sample-cio")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** The problems listed beside the form. */
  String problems() {
    return console.driver().findElement(By.id("builderForm:problems")).getText();
  }

  /** Saves and waits for the segment page; returns the new segment's id. */
  long save() {
    console.driver().findElement(By.id("builderForm:save")).click();
    console.waitFor().until(ExpectedConditions.urlContains("/admin/segment.xhtml?id="));
    console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("segmentId")));
    return Long.parseLong(console.driver().findElement(By.id("segmentId")).getText());
  }
}
