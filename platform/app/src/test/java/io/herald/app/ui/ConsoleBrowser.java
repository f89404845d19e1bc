package io.herald.app.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console as the browser sees it: opening pages, signing in, waiting for ajax updates, finding
 * table rows by the text of one cell, and screenshots for review.
 */
final class ConsoleBrowser {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final WebDriver driver;
  private final String root;

  /** A console at {@code base}, which may or may not end with '/'. */
  ConsoleBrowser(WebDriver driver, URL base) {
    this.driver = driver;
    String b = base.toExternalForm();
    this.root = b.endsWith("/") ? b : b + "/";
  }

  WebDriver driver() {
    return driver;
  }

  String url(String path) {
    return root + path;
  }

  /** Opens {@code path} (relative to the context root) and waits until the page is loaded. */
  void open(String path) {
    driver.get(url(path));
  }

  /** Waits, retrying while an ajax update swaps the elements being looked at. */
  FluentWait<WebDriver> waitFor() {
    // While a page loads, an element found on the old document can go stale between the find and
    // the read: Selenium says so with StaleElementReferenceException, but chromedriver sometimes
    // answers "Node with given id does not belong to the document" (a plain WebDriverException;
    // AdminConsoleUiIT failed on it once, 2026-12-01). Both mean "look again".
    return new WebDriverWait(driver, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .ignoring(WebDriverException.class);
  }

  /** Clicks a navigation link and waits for its page. */
  void navigate(String linkId, String urlPart) {
    driver.findElement(By.id(linkId)).click();
    waitFor().until(ExpectedConditions.urlContains(urlPart));
    waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("pageTitle")));
  }

  void signedOut() {
    open("admin/login.xhtml");
    driver.manage().deleteAllCookies();
  }

  void submitLogin(String email, String password) {
    open("admin/login.xhtml");
    WebElement emailField =
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("loginForm:email")));
    emailField.clear();
    emailField.sendKeys(email);
    driver.findElement(By.id("loginForm:password")).sendKeys(password);
    driver.findElement(By.id("loginForm:signIn")).click();
  }

  /** Signs out whoever is signed in, signs in as {@code email} and waits for the dashboard. */
  void signIn(String email, String password) {
    signedOut();
    submitLogin(email, password);
    waitFor().until(ExpectedConditions.urlContains("/admin/dashboard.xhtml"));
    waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("signedInEmail")));
  }

  /**
   * Clicks an element that submits a full page (a non-ajax postback) and waits until the next
   * document has loaded: the old document is marked first, so the wait cannot mistake it for the
   * new one (checking the clicked element for staleness races with the navigation in Chromium).
   */
  void clickAndLoad(By locator) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript("window.heraldOldPage = true;");
    click(driver.findElement(locator));
    new WebDriverWait(driver, WAIT)
        .ignoring(WebDriverException.class)
        .until(
            d ->
                Boolean.TRUE.equals(
                    js.executeScript(
                        "return window.heraldOldPage === undefined"
                            + " && document.readyState === 'complete';")));
  }

  /**
   * Clicks an element after scrolling it to the middle of the window: scrolled only into view, it
   * can sit under the sticky top bar, which then takes the click (seen when the navigation grew).
   */
  void click(WebElement element) {
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
    element.click();
  }

  /** Waits until the page is loaded and no PrimeFaces or jQuery ajax request is in flight. */
  void ajaxDone() {
    waitFor()
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return document.readyState === 'complete'"
                                + " && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty())"
                                + " && (!window.jQuery || jQuery.active === 0);")));
  }

  boolean absent(By locator) {
    return driver.findElements(locator).isEmpty();
  }

  String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** The visible row of class {@code rowClass} whose {@code cellClass} cell reads {@code text}. */
  WebElement rowWith(String rowClass, String cellClass, String text) {
    return waitFor()
        .until(ExpectedConditions.visibilityOfElementLocated(rowXpath(rowClass, cellClass, text)));
  }

  /** Every such row, without waiting: empty when there is none. */
  List<WebElement> rows(String rowClass, String cellClass, String text) {
    return driver.findElements(rowXpath(rowClass, cellClass, text));
  }

  private static By rowXpath(String rowClass, String cellClass, String text) {
    return By.xpath(
        "//tr[contains(concat(' ', normalize-space(@class), ' '), ' "
            + rowClass
            + " ')]"
            + "[.//*[contains(concat(' ', normalize-space(@class), ' '), ' "
            + cellClass
            + " ')]"
            + "[normalize-space(.)='"
            + text
            + "']]");
  }

  /** Saves what the browser shows to {@code target/ui-screenshots/<name>.png}, for review. */
  void screenshot(String name) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "ui-screenshots"));
      Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
