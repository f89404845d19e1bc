package io.herald.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import io.herald.app.it.ItConfig;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The messaging pages end to end in headless Chromium, with the real {@code email-smtp} plugin and
 * a GreenMail SMTP server: an SMTP channel is configured through the form rendered from the
 * plugin's schema (a required value refused beside its field, the password never sent back); a
 * transactional message with Liquid is created (an empty subject refused beside its field),
 * previewed for a person identified through the Track API (HTML in a sandboxed iframe), previewed
 * without its data (the strict-mode error names the field, line and variable), and sent as a test;
 * the mail arrives, and the delivery shows in the message's sends, on its own page and on the
 * person's page. The suppression list is changed by an admin (a bad address refused beside its
 * field) and only read by a viewer. Stored content: a snippet and a layout (live preview, its
 * strict error, then for a person) are made in the Content pages, a message picks the layout, and
 * its test send through a {@code dev-outbox} channel setting shows on the Dev outbox page with both
 * rendered, in a sandboxed iframe under a Content Security Policy.
 */
class MessagingConsoleUiIT extends ContainerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String SMTP_USER = "herald-ui-smtp";
  private static final String SMTP_PASSWORD = "ui-smtp-secret-" + shortId();

  private static HeadlessChromium chromium;
  private static GreenMail smtp;

  private ConsoleBrowser console;

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

  @Test
  void aMessageIsPreviewedAndSentTestThroughAChannelConfiguredFromThePluginsSchema()
      throws Exception {
    String run = "mc" + shortId();
    String email = run + "@example.com";
    identify(run, "{\"email\":\"" + email + "\",\"first_name\":\"Ada\"}");
    console.signIn(ItConfig.adminEmail(), ItConfig.adminPassword());

    configureSmtpChannel("ui-" + run);
    long messageId = createMessage("Welcome " + run);
    preview(messageId, email);
    String deliveryId = sendTest(email);

    // The mail as GreenMail received it.
    await().atMost(PATIENCE).until(() -> smtp.getReceivedMessages().length >= 1);
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getSubject()).isEqualTo("Hi Ada");
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
    assertThat(mail.getMessageID()).contains(deliveryId);

    // The message's sends.
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> sendState(messageId, deliveryId).equals("sent"));
    WebElement send = console.rowWith("send-row", "send-id", deliveryId);
    assertThat(send.findElement(By.className("send-recipient")).getText()).isEqualTo(email);
    assertThat(send.findElement(By.className("send-subject")).getText()).isEqualTo("Hi Ada");

    // The delivery's page, and from there the person's.
    send.findElement(By.className("send-id")).click();
    console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("deliveryId")));
    assertThat(text("deliveryState")).isEqualTo("sent");
    assertThat(text("deliveryRecipient")).isEqualTo(email);
    assertThat(
            console.driver().findElements(By.cssSelector("tr.metric-row .metric-name")).stream()
                .map(WebElement::getText)
                .toList())
        .containsSubsequence("created", "attempted", "sent");
    console.screenshot("delivery");
    console.driver().findElement(By.id("deliveryPerson")).click();
    console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("personCio")));
    assertThat(text("personId")).isEqualTo(run);
    WebElement delivered = console.rowWith("delivery-row", "delivery-id", deliveryId);
    assertThat(delivered.findElement(By.className("delivery-state")).getText()).isEqualTo("sent");
    assertThat(delivered.findElement(By.className("delivery-subject")).getText())
        .isEqualTo("Hi Ada");
    assertThat(delivered.findElement(By.className("delivery-recipient")).getText())
        .isEqualTo(email);
    console.screenshot("person-messages");
  }

  @Test
  void suppressionsAreAddedAndRemovedByAnAdminAndOnlyReadByAViewer() {
    String run = "su" + shortId();
    String address = run + "@example.com";
    console.signIn(ItConfig.adminEmail(), ItConfig.adminPassword());
    navigate("navSuppressions", "/admin/settings/suppressions.xhtml");

    fill(By.id("suppressForm:address"), "not an address");
    console.driver().findElement(By.id("suppressForm:suppress")).click();
    console
        .waitFor()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("suppressForm:addressProblem")));
    assertThat(text("suppressForm:addressProblem")).startsWith("address must be an email address");

    fill(By.id("suppressForm:address"), " " + run + "@EXAMPLE.com");
    console.driver().findElement(By.id("suppressForm:suppress")).click();
    WebElement row = console.rowWith("suppression-row", "suppression-address", address);
    assertThat(row.findElement(By.className("suppression-reason")).getText())
        .isEqualTo("added by hand");
    assertThat(messages()).contains(address + " is suppressed");
    console.screenshot("suppressions");
    // The App API sees the console's suppression.
    assertThat(http().get("v1/suppressions?limit=1000", Http.app()).body()).contains(address);

    // A viewer reads the list but has nothing to change it with.
    String viewer = "mc-viewer-" + shortId() + "@example.test";
    String viewerPassword = "viewer-password-" + shortId();
    UsersScreen users = new UsersScreen(console).open();
    users.submit(viewer, viewerPassword, "VIEWER");
    assertThat(users.role(viewer)).isEqualTo("viewer");
    console.signIn(viewer, viewerPassword);
    navigate("navSuppressions", "/admin/settings/suppressions.xhtml");
    console.rowWith("suppression-row", "suppression-address", address);
    assertThat(console.absent(By.id("suppressForm"))).isTrue();
    assertThat(console.absent(By.className("remove-button"))).isTrue();
    console.screenshot("suppressions-viewer");

    console.signIn(ItConfig.adminEmail(), ItConfig.adminPassword());
    navigate("navSuppressions", "/admin/settings/suppressions.xhtml");
    console
        .rowWith("suppression-row", "suppression-address", address)
        .findElement(By.className("remove-button"))
        .click();
    console
        .waitFor()
        .until(ExpectedConditions.elementToBeClickable(By.id("suppressionsForm:confirmYes")))
        .click();
    console
        .waitFor()
        .until(d -> console.rows("suppression-row", "suppression-address", address).isEmpty());
    assertThat(messages()).contains(address + " gets email again.");
    assertThat(http().get("v1/suppressions?limit=1000", Http.app()).body()).doesNotContain(address);
  }

  @Test
  void aSnippetAndALayoutMadeInTheConsoleShowInTheDevOutbox() throws Exception {
    String run = "co" + shortId();
    String email = run + "@example.com";
    identify(run, "{\"email\":\"" + email + "\",\"first_name\":\"Grace\"}");
    String setting = "outbox-" + run;
    Answer outbox =
        http()
            .put(
                "v1/channel_settings/" + setting,
                Http.app(),
                "{\"channel\":\"email\",\"provider\":\"dev-outbox\",\"default\":true,"
                    + "\"settings\":{\"default_from\":\"Herald <noreply@herald.test>\"}}");
    assertThat(outbox.status()).as(outbox.body()).isEqualTo(200);
    console.signIn(ItConfig.adminEmail(), ItConfig.adminPassword());
    assertThat(
            console
                .waitFor()
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("devOutboxLink")))
                .getText())
        .contains("dev outbox");

    // A snippet.
    String snippet = "footer_" + run;
    navigate("navSnippets", "/admin/snippets.xhtml");
    fill(By.id("snippetForm:name"), snippet);
    fill(By.id("snippetForm:value"), "Sent with care to {{ customer.first_name }}");
    console.driver().findElement(By.id("snippetForm:save")).click();
    console.waitFor().until(ExpectedConditions.urlContains("snippets.xhtml?name=" + snippet));
    assertThat(messages()).contains("Snippet “" + snippet + "” saved.");
    WebElement snippetRow = console.rowWith("snippet-row", "snippet-name", snippet);
    assertThat(snippetRow.findElement(By.className("snippet-tag")).getText())
        .isEqualTo("{{ snippets." + snippet + " }}");

    // A layout, previewed live as it is typed: without a person the snippet's variable is
    // undefined (strict), with one it renders.
    String layoutName = "Brand " + run;
    navigate("navLayouts", "/admin/layouts.xhtml");
    fill(By.id("layoutForm:name"), layoutName);
    fill(
        By.id("layoutForm:html"),
        "<html><body><header class=\"brand\">ACME</header>{{ content }}"
            + "<footer class=\"foot\">{{ snippets."
            + snippet
            + " }}</footer></body></html>");
    // The keyup previews are delayed: wait for the one of the whole text.
    console
        .waitFor()
        .until(
            d ->
                d.findElements(By.id("layoutPreviewErrorText")).stream()
                    .anyMatch(e -> e.getText().startsWith("snippets." + snippet)));
    console.ajaxDone();
    assertThat(text("layoutPreviewErrorText")).contains("customer");
    fill(By.id("layoutForm:person"), email);
    console.driver().findElement(By.id("layoutForm:preview")).click();
    console.ajaxDone();
    WebElement layoutFrame =
        console
            .waitFor()
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("layoutPreviewHtml")));
    assertThat(layoutFrame.getAttribute("sandbox")).isEmpty();
    assertThat(layoutFrame.getAttribute("srcdoc"))
        .contains("<header class=\"brand\">ACME</header>")
        .contains("data-herald-sample")
        .contains("Sent with care to Grace");
    console.screenshot("layout-preview");
    console.driver().findElement(By.id("layoutForm:save")).click();
    console.waitFor().until(ExpectedConditions.urlContains("/admin/layouts.xhtml?id="));
    assertThat(messages()).contains("Layout “" + layoutName + "” created.");
    String layoutUrl = console.driver().getCurrentUrl();
    String layoutId = layoutUrl.substring(layoutUrl.indexOf("id=") + 3).replaceAll("[^0-9].*", "");
    assertThat(console.rowWith("layout-row", "layout-name", layoutName)).isNotNull();

    // A message that uses the layout, sent as a test through the dev outbox.
    navigate("navMessages", "/admin/messages.xhtml");
    fill(By.id("messageForm:name"), "Content " + run);
    fill(By.id("messageForm:subject"), "Welcome {{customer.first_name}}");
    fill(By.id("messageForm:body"), "<p class=\"b\">Body for {{customer.first_name}}</p>");
    new Select(console.driver().findElement(By.id("messageForm:layoutId"))).selectByValue(layoutId);
    console.driver().findElement(By.id("messageForm:save")).click();
    console.waitFor().until(ExpectedConditions.urlContains("/admin/messages.xhtml?id="));
    assertThat(
            new Select(console.driver().findElement(By.id("messageForm:layoutId")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo(layoutId);
    String deliveryId = sendTest(email);

    // The Dev outbox: the email, newest first, opened with the layout and snippet rendered.
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              console.open("admin/outbox.xhtml");
              List<WebElement> rows = console.rows("outbox-row", "outbox-delivery", deliveryId);
              return !rows.isEmpty()
                  && rows.get(0).findElement(By.className("outbox-state")).getText().equals("sent");
            });
    WebElement row = console.rowWith("outbox-row", "outbox-delivery", deliveryId);
    assertThat(row.findElement(By.className("outbox-to")).getText()).isEqualTo(email);
    assertThat(row.findElement(By.className("outbox-subject")).getText())
        .isEqualTo("Welcome Grace");
    assertThat(
            console
                .driver()
                .findElements(By.cssSelector("tr.outbox-row .outbox-delivery"))
                .get(0)
                .getText())
        .isEqualTo(deliveryId);
    row.findElement(By.className("outbox-subject")).click();
    console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("openedHtml")));
    assertThat(text("openedTo")).isEqualTo(email);
    assertThat(text("openedSetting")).isEqualTo(setting);
    WebElement frame = console.driver().findElement(By.id("openedHtml"));
    assertThat(frame.getAttribute("sandbox")).isEmpty();
    assertThat(frame.getAttribute("srcdoc"))
        .contains("Content-Security-Policy")
        .contains("default-src 'none'")
        .contains("<header class=\"brand\">ACME</header><p class=\"b\">Body for Grace</p>");
    assertThat(text("openedText")).contains("Body for Grace").contains("Sent with care to Grace");
    console.driver().switchTo().frame(frame);
    assertThat(console.driver().findElement(By.cssSelector("footer.foot")).getText())
        .isEqualTo("Sent with care to Grace");
    console.driver().switchTo().defaultContent();
    console.screenshot("dev-outbox");

    // A layout in use is not deleted: the refusal names the message.
    navigate("navLayouts", "/admin/layouts.xhtml");
    console
        .rowWith("layout-row", "layout-name", layoutName)
        .findElement(By.className("delete-button"))
        .click();
    console
        .waitFor()
        .until(ExpectedConditions.elementToBeClickable(By.id("layoutsForm:confirmYes")))
        .click();
    console.ajaxDone();
    assertThat(messages()).contains("Layout not deleted").contains("Content " + run);
    assertThat(console.rowWith("layout-row", "layout-name", layoutName)).isNotNull();
  }

  // --- channel settings -----------------------------------------------------------------------

  private void configureSmtpChannel(String name) {
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

  private WebElement setting(String key) {
    return console
        .waitFor()
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#channelForm [data-key='" + key + "']")));
  }

  private WebElement passwordInput() {
    return setting("password").findElement(By.cssSelector("input[type=password]"));
  }

  private void type(String key, String value) {
    WebElement input = setting(key).findElement(By.tagName("input"));
    input.clear();
    input.sendKeys(value);
  }

  private void saveChannel() {
    console.driver().findElement(By.id("channelForm:save")).click();
    console.ajaxDone();
  }

  // --- transactional message ------------------------------------------------------------------

  private long createMessage(String name) {
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

  private void preview(long messageId, String email) {
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

  private String sendTest(String email) {
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

  private String sendState(long messageId, String deliveryId) {
    console.open("admin/messages.xhtml?id=" + messageId);
    List<WebElement> rows = console.rows("send-row", "send-id", deliveryId);
    return rows.isEmpty() ? "" : rows.get(0).findElement(By.className("send-state")).getText();
  }

  // --- helpers --------------------------------------------------------------------------------

  /** Follows a navigation link, from the top of the page (the sticky header covers it below). */
  private void navigate(String linkId, String urlPart) {
    ((JavascriptExecutor) console.driver()).executeScript("window.scrollTo(0, 0);");
    console.navigate(linkId, urlPart);
  }

  private void identify(String id, String body) {
    Answer answer = http().put("api/v1/customers/" + id, Http.track(), body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  private void fill(By locator, String text) {
    WebElement field =
        console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(locator));
    field.clear();
    if (!text.isEmpty()) {
      field.sendKeys(text);
    }
  }

  private String messages() {
    return console.driver().findElement(By.id("messages")).getText();
  }

  private String text(String id) {
    return console.driver().findElement(By.id(id)).getText();
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
