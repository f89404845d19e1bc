package io.herald.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import io.herald.app.it.ItConfig;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The messaging pages end to end in headless Chromium, with the real {@code email-smtp} plugin and
 * a GreenMail SMTP server: an SMTP channel is configured through the form rendered from the
 * plugin's schema (a required value refused beside its field, the password never sent back); a
 * transactional message with Liquid is created (an empty subject refused beside its field),
 * previewed for a person identified through the Track API (HTML in a sandboxed iframe), previewed
 * without its data (the strict-mode error names the field, line and variable), and sent as a test;
 * the mail arrives, and the delivery shows in the message's sends, on its own page and on the
 * person's page. The suppression list is changed by an admin (a bad address refused beside its
 * field) and only read by a viewer; every channel's list (email, SMS, WhatsApp, push) has its tab,
 * where numbers and tokens are added and removed.
 */
class MessagingConsoleUiIT extends MessagingConsoleTest {

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
    removeSuppression(address);
    assertThat(messages()).contains(address + " gets email again.");
    assertThat(http().get("v1/suppressions?limit=1000", Http.app()).body()).doesNotContain(address);
  }

  @Test
  void everyChannelsSuppressionsAreShownAndManaged() {
    String number = "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
    String token = "TOKEN-" + shortId();
    // A push token suppressed through the App API shows on the push tab, in its own case (push
    // tokens are case-sensitive; only email addresses are lower-cased).
    Answer api =
        http()
            .post(
                "v1/suppressions",
                Http.app(),
                "{\"channel\":\"push\",\"address\":\"" + token + "\"}");
    assertThat(api.status()).as(api.body()).isEqualTo(201);
    console.signIn(ItConfig.adminEmail(), ItConfig.adminPassword());
    navigate("navSuppressions", "/admin/settings/suppressions.xhtml");
    assertThat(
            console.driver().findElement(By.id("suppressionChannel")).getAttribute("data-channel"))
        .isEqualTo("email");

    console.clickAndLoad(By.cssSelector(".channel-tab-sms"));
    assertThat(console.driver().getCurrentUrl()).contains("channel=sms");
    assertThat(text("suppressionChannel")).isEqualTo("SMS suppressions");
    fill(By.id("suppressForm:address"), "555 0100");
    console.click(console.driver().findElement(By.id("suppressForm:suppress")));
    console
        .waitFor()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("suppressForm:addressProblem")));
    assertThat(text("suppressForm:addressProblem"))
        .isEqualTo("address must be an E.164 phone number such as +15555550100");
    fill(By.id("suppressForm:address"), " " + number + " ");
    console.click(console.driver().findElement(By.id("suppressForm:suppress")));
    WebElement row = console.rowWith("suppression-row", "suppression-address", number);
    assertThat(row.findElement(By.className("suppression-reason")).getText())
        .isEqualTo("added by hand");
    assertThat(messages()).contains(number + " is suppressed: it gets no more SMS.");
    console.screenshot("suppressions-sms");
    Answer sms = http().get("v1/suppressions?channel=sms&limit=1000", Http.app());
    assertThat(sms.body()).contains(number);
    assertThat(http().get("v1/suppressions?limit=1000", Http.app()).body()).doesNotContain(number);

    // Other channels' lists do not show it; the push tab shows the API's token and removes it.
    console.clickAndLoad(By.cssSelector(".channel-tab-whatsapp"));
    assertThat(text("suppressionChannel")).isEqualTo("WhatsApp suppressions");
    assertThat(console.rows("suppression-row", "suppression-address", number)).isEmpty();
    console.clickAndLoad(By.cssSelector(".channel-tab-push"));
    String stored = token;
    removeSuppression(stored);
    assertThat(messages()).contains(stored + " gets push notifications again.");
    assertThat(http().get("v1/suppressions?channel=push&limit=1000", Http.app()).body())
        .doesNotContain(stored);

    // The SMS number is still suppressed; it is lifted through the API to leave the list as found.
    console.clickAndLoad(By.cssSelector(".channel-tab-sms"));
    console.rowWith("suppression-row", "suppression-address", number);
    assertThat(
            http().delete("v1/suppressions/sms/" + number.replace("+", "%2B"), Http.app()).status())
        .isEqualTo(204);
  }

  /** Removes the shown row's suppression through its confirmed Remove button. */
  private void removeSuppression(String address) {
    console.click(
        console
            .rowWith("suppression-row", "suppression-address", address)
            .findElement(By.className("remove-button")));
    console
        .waitFor()
        .until(ExpectedConditions.elementToBeClickable(By.id("suppressionsForm:confirmYes")))
        .click();
    console
        .waitFor()
        .until(d -> console.rows("suppression-row", "suppression-address", address).isEmpty());
  }
}
