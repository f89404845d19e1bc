package io.herald.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Base of the messaging console's browser tests: headless Chromium and a GreenMail SMTP server per
 * class, a {@link ConsoleBrowser} per test, and the steps the pages share (an SMTP channel set up
 * through the form rendered from the plugin's schema, a message created and previewed, a test
 * send).
 */
abstract class MessagingConsoleTest extends ContainerTest {

  protected static final Duration PATIENCE = Duration.ofSeconds(30);

  protected static final String SMTP_USER = "herald-ui-smtp";

  protected static final String SMTP_PASSWORD = "ui-smtp-secret-" + shortId();

  protected static HeadlessChromium chromium;

  protected static GreenMail smtp;

  protected ConsoleBrowser console;

  @BeforeAll
  static void start() throws IOException {
    chromium = HeadlessChromium.start();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    smtp.setUser("noreply@herald.test", SMTP_USER, SMTP_PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (smtp != null) {
      smtp.stop();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void screens() {
    console = new ConsoleBrowser(chromium.driver(), base);
  }

  // --- channel settings -----------------------------------------------------------------------

  protected void configureSmtpChannel(String name) {
    navigate("navChannels", "/admin/settings/channels.xhtml");
    Select provider = new Select(console.driver().findElement(By.id("channelForm:provider")));
    if (!provider.getFirstSelectedOption().getAttribute("value").equals("email-smtp")) {
      provider.selectByValue("email-smtp");
      console.ajaxDone();
    }
    // Rendered from the schema: a required marker, help, a select for the CHOICE, a checkbox for
    // the BOOLEAN, a textarea for the DKIM key, a password input for the password.
    WebElement host = setting("host");
    assertThat(host.findElement(By.className("required-marker")).getText()).isEqualTo("*");
    assertThat(host.findElement(By.className("setting-help")).getText())
        .isEqualTo("Host name or IP address of the SMTP server.");
    assertThat(setting("security").findElements(By.tagName("select"))).hasSize(1);
    assertThat(
            setting("trust_all_certificates").findElements(By.cssSelector("input[type=checkbox]")))
        .hasSize(1);
    assertThat(setting("dkim_private_key").findElements(By.tagName("textarea"))).hasSize(1);
    assertThat(setting("port").findElement(By.tagName("input")).getAttribute("type"))
        .isEqualTo("number");

    fill(By.id("channelForm:name"), name);
    console.driver().findElement(By.id("channelForm:isDefault")).click();
    type("port", Integer.toString(smtp.getSmtp().getPort()));
    new Select(setting("security").findElement(By.tagName("select"))).selectByValue("none");
    type("username", SMTP_USER);
    passwordInput().sendKeys(SMTP_PASSWORD);
    type("default_from", "Herald UI <noreply@herald.test>");

    // The host is required: refused beside its field, and the typed password is not sent back.
    saveChannel();
    assertThat(setting("host").findElement(By.className("setting-problem")).getText())
        .isEqualTo("is required");
    assertThat(messages()).contains("Channel setting not saved");
    assertThat(passwordInput().getAttribute("value")).isEmpty();
    assertThat(console.driver().getPageSource()).doesNotContain(SMTP_PASSWORD);

    type("host", "127.0.0.1");
    passwordInput().sendKeys(SMTP_PASSWORD);
    saveChannel();
    assertThat(messages()).contains("Channel setting “" + name + "” saved.");
    assertThat(passwordInput().getAttribute("value")).isEmpty();
    assertThat(setting("password").findElement(By.className("secret-set")).getText())
        .isEqualTo("set");
    assertThat(console.driver().getPageSource()).doesNotContain(SMTP_PASSWORD);
    WebElement row = console.rowWith("channel-row", "channel-name", name);
    assertThat(row.findElement(By.className("channel-provider")).getText()).isEqualTo("email-smtp");
    assertThat(row.findElement(By.className("channel-default")).getText()).isEqualTo("default");
    assertThat(row.findElement(By.className("channel-secrets")).getText()).isEqualTo("password");
    console.screenshot("channels");

    // Opened again for editing: the values come back, the password does not; saving without it
    // keeps it (the test send below authenticates with it).
    console.open("admin/settings/channels.xhtml");
    assertThat(console.driver().getPageSource()).doesNotContain(SMTP_PASSWORD);
    console
        .rowWith("channel-row", "channel-name", name)
        .findElement(By.className("edit-button"))
        .click();
    console.ajaxDone();
    console
        .waitFor()
        .until(
            d ->
                "127.0.0.1"
                    .equals(
                        setting("host").findElement(By.tagName("input")).getAttribute("value")));
    assertThat(passwordInput().getAttribute("value")).isEmpty();
    assertThat(console.driver().getPageSource()).doesNotContain(SMTP_PASSWORD);
    saveChannel();
    assertThat(messages()).contains("Channel setting “" + name + "” saved.");
    assertThat(console.driver().getPageSource()).doesNotContain(SMTP_PASSWORD);
  }

  protected WebElement setting(String key) {
    return console
        .waitFor()
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#channelForm [data-key='" + key + "']")));
  }

  protected WebElement passwordInput() {
    return setting("password").findElement(By.cssSelector("input[type=password]"));
  }

  protected void type(String key, String value) {
    WebElement input = setting(key).findElement(By.tagName("input"));
    input.clear();
    input.sendKeys(value);
  }

  protected void saveChannel() {
    console.driver().findElement(By.id("channelForm:save")).click();
    console.ajaxDone();
  }

  // --- transactional message ------------------------------------------------------------------

  protected long createMessage(String name) {
    navigate("navMessages", "/admin/messages.xhtml");
    fill(By.id("messageForm:name"), name);
    fill(By.id("messageForm:subject"), "Hi {{customer.first_name}}");
    fill(
        By.id("messageForm:body"),
        "<html><body><p>Hello {{customer.first_name}}, order {{trigger.order_id}}</p>\n"
            + "<p class=\"q\">\"quoted\" &amp; <b>bold</b></p></body></html>");
    console.driver().findElement(By.id("messageForm:save")).click();
    console.waitFor().until(ExpectedConditions.urlContains("/admin/messages.xhtml?id="));
    console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("previewForm")));
    assertThat(messages()).contains("Message “" + name + "” created.");
    String url = console.driver().getCurrentUrl();
    long id = Long.parseLong(url.substring(url.indexOf("id=") + 3).replaceAll("[^0-9].*", ""));
    assertThat(console.rowWith("message-row", "message-name", name)).isNotNull();

    // An empty subject is refused beside its field; the form keeps what was typed.
    fill(By.id("messageForm:subject"), " ");
    console.driver().findElement(By.id("messageForm:save")).click();
    console.ajaxDone();
    assertThat(
            console
                .waitFor()
                .until(
                    ExpectedConditions.visibilityOfElementLocated(
                        By.id("messageForm:subjectProblem")))
                .getText())
        .isEqualTo("subject must not be empty");
    fill(By.id("messageForm:subject"), "Hi {{customer.first_name}}");
    console.driver().findElement(By.id("messageForm:save")).click();
    console.ajaxDone();
    assertThat(messages()).contains("Message “" + name + "” saved.");
    assertThat(console.absent(By.id("messageForm:subjectProblem"))).isTrue();
    return id;
  }

  protected void preview(long messageId, String email) {
    fill(By.id("previewForm:person"), email.toUpperCase(java.util.Locale.ROOT));
    fill(By.id("previewForm:messageData"), "{\"order_id\": \"A-1\"}");
    console.driver().findElement(By.id("previewForm:preview")).click();
    console.ajaxDone();
    console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("previewSubject")));
    assertThat(text("previewSubject")).isEqualTo("Hi Ada");
    assertThat(text("previewText")).contains("Hello Ada, order A-1");
    WebElement frame = console.driver().findElement(By.id("previewHtml"));
    assertThat(frame.getAttribute("sandbox")).isEmpty();
    assertThat(frame.getAttribute("srcdoc"))
        .contains("Hello Ada, order A-1")
        .contains("<p class=\"q\">\"quoted\" &amp; <b>bold</b></p>");
    // The rendered HTML is the iframe's document, not part of the console's page.
    assertThat(console.driver().findElements(By.cssSelector("#previewResult p.q"))).isEmpty();
    console.driver().switchTo().frame(frame);
    assertThat(console.driver().findElement(By.cssSelector("p.q")).getText())
        .isEqualTo("\"quoted\" & bold");
    console.driver().switchTo().defaultContent();
    console.screenshot("message-preview");

    // Without message_data, trigger.order_id is undefined: strict mode says where.
    fill(By.id("previewForm:messageData"), "");
    console.driver().findElement(By.id("previewForm:preview")).click();
    console.ajaxDone();
    console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("previewError")));
    assertThat(text("previewErrorText")).startsWith("body line 1").contains("trigger");
    assertThat(console.absent(By.id("previewHtml"))).isTrue();
    console.screenshot("message-preview-error");
  }

  protected String sendTest(String email) {
    fill(By.id("previewForm:person"), email);
    fill(By.id("previewForm:messageData"), "{\"order_id\": \"A-2\"}");
    console.driver().findElement(By.id("previewForm:sendTest")).click();
    console.ajaxDone();
    String deliveryId =
        console
            .waitFor()
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("testDeliveryId")))
            .getText();
    assertThat(messages()).contains("Test message queued for email " + email);
    return deliveryId;
  }

  protected String sendState(long messageId, String deliveryId) {
    console.open("admin/messages.xhtml?id=" + messageId);
    List<WebElement> rows = console.rows("send-row", "send-id", deliveryId);
    return rows.isEmpty() ? "" : rows.get(0).findElement(By.className("send-state")).getText();
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Follows a navigation link, from the top of the page (the sticky header covers it below). */
  protected void navigate(String linkId, String urlPart) {
    ((JavascriptExecutor) console.driver()).executeScript("window.scrollTo(0, 0);");
    console.navigate(linkId, urlPart);
  }

  protected void identify(String id, String body) {
    Answer answer = http().put("api/v1/customers/" + id, Http.track(), body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  protected void fill(By locator, String text) {
    WebElement field =
        console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(locator));
    field.clear();
    if (!text.isEmpty()) {
      field.sendKeys(text);
    }
  }

  protected String messages() {
    return console.driver().findElement(By.id("messages")).getText();
  }

  protected String text(String id) {
    return console.driver().findElement(By.id(id)).getText();
  }

  protected static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
