package io.herald.app.ui;

import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.ItConfig;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's in-app demo page in headless Chromium: a test message sent to a person appears in
 * the page through the embedded JavaScript SDK (long poll, or Server-Sent Events), as a modal or a
 * banner; clicking its button or closing it is reported and the person's message list shows {@code
 * clicked} or {@code dismissed}.
 */
class InAppDemoUiIT extends ContainerTest {

  private static HeadlessChromium chromium;

  private ConsoleBrowser console;

  @BeforeAll
  static void startBrowser() throws IOException {
    chromium = HeadlessChromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void screens() {
    console = new ConsoleBrowser(chromium.driver(), base);
  }

  /** A person made through the Track API; their id. */
  private String person() {
    String id = unique("inapp-ui");
    Http.Answer put =
        http()
            .put("api/v1/customers/" + id, Http.track(), "{\"email\":\"" + id + "@example.com\"}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    return id;
  }

  private void send(
      String person, String title, String type, String label, String url, String transport) {
    console.signIn(ItConfig.adminEmail(), ItConfig.adminPassword());
    console.navigate("navInAppDemo", "/admin/inapp-demo.xhtml");
    fill("demoForm:person", person);
    fill("demoForm:title", title);
    fill("demoForm:buttonLabel", label);
    fill("demoForm:buttonUrl", url);
    new Select(console.driver().findElement(By.id("demoForm:type_input"))).selectByValue(type);
    console.clickAndLoad(By.id("demoForm:send"));
    console.waitFor().until(ExpectedConditions.urlContains("person="));
    assertThat(console.bodyText()).contains("queued for " + person);
  }

  private void fill(String id, String value) {
    WebElement field = console.driver().findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  /** The state the person's message list shows for the message titled {@code title}. */
  private String listedState(String person, String title) {
    console.open("admin/inapp-demo.xhtml?person=" + person);
    WebElement row = console.rowWith("inapp-row", "inapp-title", title);
    return row.findElement(By.className("inapp-state")).getText();
  }

  @Test
  void aTestMessageAppearsAsAModalAndItsButtonRecordsClicked() {
    String person = person();
    String title = unique("Hello");
    String target = base.toString() + (base.toString().endsWith("/") ? "" : "/") + "health/ready";
    send(person, title, "modal", "Open docs", target, "poll");

    WebElement modal =
        console
            .waitFor()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".herald-inapp-modal")));
    assertThat(modal.findElement(By.className("herald-inapp-title")).getText()).isEqualTo(title);
    assertThat(modal.findElement(By.className("herald-inapp-text")).getText())
        .isEqualTo("This message came through the in-app SDK.");
    assertThat(modal.getAttribute("role")).isEqualTo("dialog");
    console.screenshot("inapp-demo-modal");
    String page = console.driver().getWindowHandle();

    modal.findElement(By.cssSelector(".herald-inapp-button[data-action='url']")).click();

    console.driver().switchTo().window(page);
    console
        .waitFor()
        .until(
            ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".herald-inapp-modal")));
    console
        .waitFor()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sdk-event-clicked")));
    console.waitFor().until(d -> "clicked".equals(listedState(person, title)));
    // The reloaded page embeds the SDK again: the clicked message is not shown again.
    assertThat(console.absent(By.cssSelector(".herald-inapp-modal"))).isTrue();
  }

  @Test
  void aBannerReceivedOverServerSentEventsAndClosedIsDismissed() {
    String person = person();
    String title = unique("Banner");
    send(person, title, "banner", "Got it", "", "sse");

    WebElement banner =
        console
            .waitFor()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".herald-inapp-banner")));
    assertThat(banner.getText()).contains(title);
    assertThat(banner.findElement(By.className("herald-inapp-button")).getAttribute("data-action"))
        .isEqualTo("dismiss");
    // The list was rendered before the SDK showed it: still pending there.
    assertThat(
            console
                .rowWith("inapp-row", "inapp-title", title)
                .findElement(By.className("inapp-state"))
                .getText())
        .isEqualTo("pending");

    banner.findElement(By.className("herald-inapp-close")).click();

    console
        .waitFor()
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".sdk-event-dismissed")));
    console.waitFor().until(d -> "dismissed".equals(listedState(person, title)));
  }
}
