package io.herald.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import io.herald.app.it.ItConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Messages of other channels in the console (headless Chromium), with the test-only recording push
 * echo ({@code plugins/channel-test-echo}): its channel setting form rendered from the schema (a
 * textarea for the TEXT {@code note}, a password input for the secret {@code token}, which never
 * comes back); a push message created by choosing the channel (the form switches to title, message
 * and JSON fields; bad JSON is refused beside its field), previewed for a person (title, text and
 * the payload the plugin would get) and sent as a test to the person's device.
 */
class ChannelMessagesConsoleUiIT extends MessagingConsoleTest {

  @Test
  void aPushMessageIsEditedPreviewedAndSentTestFromTheConsole() {
    String run = "cp" + shortId();
    String token = "UI-TOKEN-" + run;
    identify(run, "{\"first_name\":\"Ada\"}");
    Answer device =
        http()
            .put(
                "api/v1/customers/" + run + "/devices",
                Http.track(),
                "{\"device\":{\"id\":\"" + token + "\",\"platform\":\"android\"}}");
    assertThat(device.status()).as(device.body()).isEqualTo(200);
    console.signIn(ItConfig.adminEmail(), ItConfig.adminPassword());

    // The echo's schema: a TEXT setting is a textarea, the secret a password input.
    navigate("navChannels", "/admin/settings/channels.xhtml");
    Select provider = new Select(console.driver().findElement(By.id("channelForm:provider")));
    provider.selectByValue("test-echo-push");
    console.ajaxDone();
    assertThat(setting("note").findElements(By.tagName("textarea"))).hasSize(1);
    fill(By.id("channelForm:name"), "ui-push-" + run);
    console.driver().findElement(By.id("channelForm:isDefault")).click();
    type("prefix", "uipush-");
    setting("note").findElement(By.tagName("textarea")).sendKeys("first line\nsecond line");
    String secret = "echo-ui-secret-" + run;
    setting("token").findElement(By.cssSelector("input[type=password]")).sendKeys(secret);
    saveChannel();
    assertThat(messages()).contains("Channel setting “ui-push-" + run + "” saved.");
    assertThat(console.driver().getPageSource()).doesNotContain(secret);
    assertThat(setting("token").findElement(By.className("secret-set")).getText()).isEqualTo("set");

    // A push message: choosing the channel swaps the email fields for the push ones.
    navigate("navMessages", "/admin/messages.xhtml");
    fill(By.id("messageForm:name"), "Push " + run);
    new Select(console.driver().findElement(By.id("messageForm:channel"))).selectByValue("push");
    console.ajaxDone();
    console
        .waitFor()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("messageForm:title")));
    assertThat(console.absent(By.id("messageForm:subject"))).isTrue();
    fill(By.id("messageForm:title"), "Hi {{customer.first_name}}");
    fill(By.id("messageForm:channelMessage"), "Order {{trigger.order}} shipped");
    fill(By.id("messageForm:customData"), "{\"order\": ");
    console.driver().findElement(By.id("messageForm:save")).click();
    console.ajaxDone();
    assertThat(
            console
                .waitFor()
                .until(
                    ExpectedConditions.visibilityOfElementLocated(
                        By.id("messageForm:customDataProblem")))
                .getText())
        .startsWith("custom_data is not valid JSON");
    fill(By.id("messageForm:customData"), "{\"order\": \"{{trigger.order}}\"}");
    console.driver().findElement(By.id("messageForm:save")).click();
    console.waitFor().until(ExpectedConditions.urlContains("/admin/messages.xhtml?id="));
    console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("previewForm")));
    WebElement row = console.rowWith("message-row", "message-name", "Push " + run);
    assertThat(row.findElement(By.className("message-channel")).getText()).isEqualTo("push");
    assertThat(console.driver().findElement(By.id("messageForm:channel")).getAttribute("disabled"))
        .isNotNull();

    // Preview: the title, the text and the payload the plugin gets.
    fill(By.id("previewForm:person"), run);
    fill(By.id("previewForm:messageData"), "{\"order\": \"A-7\"}");
    console.driver().findElement(By.id("previewForm:preview")).click();
    console.ajaxDone();
    console.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("previewTitle")));
    assertThat(text("previewChannel")).isEqualTo("push");
    assertThat(text("previewTitle")).isEqualTo("Hi Ada");
    assertThat(text("previewChannelText")).isEqualTo("Order A-7 shipped");
    assertThat(text("previewPayload")).contains("\"order\" : \"A-7\"");
    console.screenshot("push-preview");

    // Without the data the strict error names the field.
    fill(By.id("previewForm:messageData"), "");
    console.driver().findElement(By.id("previewForm:preview")).click();
    console.ajaxDone();
    console
        .waitFor()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("channelPreviewErrorText")));
    assertThat(text("channelPreviewErrorText")).startsWith("message line 1").contains("trigger");

    // A test send goes to the person's device through the echo.
    fill(By.id("previewForm:messageData"), "{\"order\": \"A-8\"}");
    console.driver().findElement(By.id("previewForm:sendTest")).click();
    console.ajaxDone();
    String deliveryId =
        console
            .waitFor()
            .until(ExpectedConditions.visibilityOfElementLocated(By.id("testDeliveryId")))
            .getText();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Answer view = http().get("v1/messages/" + deliveryId, Http.app());
              assertThat(view.json().at("/message/state").asText()).isEqualTo("sent");
              assertThat(view.json().at("/message/recipient").asText()).isEqualTo(token);
              assertThat(view.json().at("/message/provider_message_id").asText())
                  .isEqualTo("uipush-" + deliveryId);
            });
  }
}
