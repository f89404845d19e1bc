package io.herald.app.ui;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** People, as the browser sees it (ids and classes from the web-admin README). */
final class PeopleScreen {

  static final String PATH = "admin/people.xhtml";

  private final ConsoleBrowser console;

  PeopleScreen(ConsoleBrowser console) {
    this.console = console;
  }

  PeopleScreen open() {
    console.open(PATH);
    console
        .waitFor()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("peopleForm:people")));
    return this;
  }

  /** Types {@code text} into the search box, submits it and waits for the result page. */
  PeopleScreen search(String text) {
    WebElement box =
        console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
    box.clear();
    box.sendKeys(text);
    // The search is a GET of a new page: wait until it has loaded, or a second search would
    // read the first one's rows (whose URL already has "q=").
    console.clickAndLoad(By.id("search"));
    console.waitFor().until(ExpectedConditions.urlContains("q="));
    console
        .waitFor()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("peopleForm:people")));
    return this;
  }

  /** The {@code id} column of every row shown, in order. */
  List<String> ids() {
    return console.driver().findElements(By.cssSelector("tr.person-row .person-id")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** The row of the person with customer id {@code id}, waiting for it. */
  WebElement row(String id) {
    return console.rowWith("person-row", "person-id", id);
  }

  /** Whether the "more people follow" note is shown. */
  boolean saysMoreFollow() {
    return console.driver().findElement(By.id("peopleForm:moreNote")).getText().contains("More");
  }

  /** Clicks the paginator's next-page link and waits until {@code idOnNextPage} is listed. */
  void nextPage(String idOnNextPage) {
    console.driver().findElement(By.cssSelector("#peopleForm\\:people .ui-paginator-next")).click();
    row(idOnNextPage);
  }

  /** Opens the person page of {@code id} through its cio_id link. */
  void openPerson(String id) {
    row(id).findElement(By.className("person-cio")).click();
    console.waitFor().until(ExpectedConditions.urlContains("/admin/person.xhtml?cio="));
    console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("personCio")));
  }
}
