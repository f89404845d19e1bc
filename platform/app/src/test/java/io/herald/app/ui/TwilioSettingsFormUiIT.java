package io.herald.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.Http;
import io.herald.app.it.ItConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The {@code sms-twilio} plugin's settings form in headless Chromium, with the real plugin zip in
 * the container's plugins directory: every field is rendered from the plugin's schema (required
 * marker, help, password inputs for the auth token and the API key secret, textareas for the
 * keyword replies, a number input for the timeout, defaults filled in); a malformed URL is refused
 * beside its field; the setting is saved, its callback URL read from the table and pasted as the
 * status callback URL, as the plugin's README tells operators to; and the auth token never comes
 * back, neither in the page nor in {@code GET /v1/channel_settings}, while a save without it keeps
 * it.
 */
class TwilioSettingsFormUiIT extends MessagingConsoleTest {

  private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

  @Test
  void theTwilioFormRendersFromItsSchemaAndTheAuthTokenNeverComesBack() {
    String name = "zz-twilio-" + shortId();
    String authToken = "ui-twilio-token-" + shortId() + shortId();
    console.signIn(ItConfig.adminEmail(), ItConfig.adminPassword());
    navigate("navChannels", "/admin/settings/channels.xhtml");
    new Select(console.driver().findElement(By.id("channelForm:provider")))
        .selectByValue("sms-twilio");
    console.ajaxDone();

    // Rendered from the schema.
    console.waitFor().until(d -> text("providerDescription").contains("Twilio"));
    WebElement sid = setting("account_sid");
    assertThat(sid.findElement(By.className("setting-label-text")).getText())
        .isEqualTo("Account SID");
    assertThat(sid.findElement(By.className("required-marker")).getText()).isEqualTo("*");
    assertThat(sid.findElement(By.className("setting-help")).getText()).contains("AC followed by");
    assertThat(setting("auth_token").findElements(By.cssSelector("input[type=password]")))
        .hasSize(1);
    assertThat(setting("api_key_secret").findElements(By.cssSelector("input[type=password]")))
        .hasSize(1);
    assertThat(setting("help_text").findElements(By.tagName("textarea"))).hasSize(1);
    assertThat(setting("stop_text").findElements(By.tagName("textarea"))).hasSize(1);
    assertThat(setting("timeout_ms").findElement(By.tagName("input")).getAttribute("type"))
        .isEqualTo("number");
    assertThat(setting("timeout_ms").findElement(By.tagName("input")).getAttribute("value"))
        .isEqualTo("10000");
    assertThat(setting("base_url").findElement(By.tagName("input")).getAttribute("value"))
        .isEqualTo("https://api.twilio.com");
    assertThat(keys())
        .containsExactly(
            "account_sid",
            "auth_token",
            "api_key_sid",
            "api_key_secret",
            "messaging_service_sid",
            "from_number",
            "status_callback_url",
            "help_text",
            "stop_text",
            "base_url",
            "timeout_ms");
    assertThat(setting("auth_token").findElements(By.className("required-marker"))).isEmpty();

    // A malformed URL is refused beside its field; the typed token is not sent back.
    fill(By.id("channelForm:name"), name);
    type("account_sid", ACCOUNT_SID);
    tokenInput().sendKeys(authToken);
    type("from_number", "+14155552345");
    type("status_callback_url", "not a url");
    setting("help_text").findElement(By.tagName("textarea")).sendKeys("Acme: reply STOP to stop.");
    saveChannel();
    assertThat(
            setting("status_callback_url").findElement(By.className("setting-problem")).getText())
        .isEqualTo("must be an absolute http or https URL");
    assertThat(messages()).contains("Channel setting not saved");
    assertThat(tokenInput().getAttribute("value")).isEmpty();
    assertThat(console.driver().getPageSource()).doesNotContain(authToken);

    setting("status_callback_url").findElement(By.tagName("input")).clear();
    tokenInput().sendKeys(authToken);
    saveChannel();
    assertThat(messages()).contains("Channel setting “" + name + "” saved.");
    assertThat(tokenInput().getAttribute("value")).isEmpty();
    assertThat(setting("auth_token").findElement(By.className("secret-set")).getText())
        .isEqualTo("set");
    assertThat(console.driver().getPageSource()).doesNotContain(authToken);
    WebElement row = console.rowWith("channel-row", "channel-name", name);
    assertThat(row.findElement(By.className("channel-channel")).getText()).isEqualTo("sms");
    assertThat(row.findElement(By.className("channel-provider")).getText()).isEqualTo("sms-twilio");
    assertThat(row.findElement(By.className("channel-secrets")).getText()).isEqualTo("auth_token");
    String callbackUrl = row.findElement(By.className("channel-callback")).getText();
    assertThat(callbackUrl).contains("/callbacks/");
    console.screenshot("channels-twilio");

    // Edited: the values come back, the token does not; the callback URL is pasted as the
    // status callback URL and the setting saved without the token, which keeps it.
    console.open("admin/settings/channels.xhtml");
    console
        .rowWith("channel-row", "channel-name", name)
        .findElement(By.className("edit-button"))
        .click();
    console.ajaxDone();
    console
        .waitFor()
        .until(
            d ->
                ACCOUNT_SID.equals(
                    setting("account_sid").findElement(By.tagName("input")).getAttribute("value")));
    assertThat(setting("help_text").findElement(By.tagName("textarea")).getAttribute("value"))
        .isEqualTo("Acme: reply STOP to stop.");
    assertThat(tokenInput().getAttribute("value")).isEmpty();
    assertThat(console.driver().getPageSource()).doesNotContain(authToken);
    type("status_callback_url", callbackUrl + "/status");
    saveChannel();
    assertThat(messages()).contains("Channel setting “" + name + "” saved.");
    assertThat(console.driver().getPageSource()).doesNotContain(authToken);
    console.screenshot("channels-twilio-edited");

    // The App API lists the setting without the token, which is still set.
    Http.Answer listed = http().get("v1/channel_settings", Http.app());
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body()).doesNotContain(authToken);
    JsonNode setting = null;
    for (JsonNode s : listed.json().path("channel_settings")) {
      if (s.path("name").asText().equals(name)) {
        setting = s;
      }
    }
    assertThat(setting).as(listed.body()).isNotNull();
    assertThat(setting.path("provider").asText()).isEqualTo("sms-twilio");
    assertThat(setting.path("settings").path("account_sid").asText()).isEqualTo(ACCOUNT_SID);
    assertThat(setting.path("settings").path("status_callback_url").asText())
        .isEqualTo(callbackUrl + "/status");
    assertThat(setting.path("settings").has("auth_token")).isFalse();
    assertThat(setting.path("secrets_set").toString()).isEqualTo("[\"auth_token\"]");
    assertThat(setting.path("callback_url").asText()).isEqualTo(callbackUrl);

    // Leave no SMS setting behind for the other container tests.
    assertThat(http().delete("v1/channel_settings/" + name, Http.app()).status()).isEqualTo(204);
  }

  private List<String> keys() {
    List<String> keys = new ArrayList<>();
    for (WebElement field :
        console.driver().findElements(By.cssSelector("#channelForm [data-key]"))) {
      keys.add(field.getAttribute("data-key"));
    }
    return keys;
  }

  private WebElement tokenInput() {
    return setting("auth_token").findElement(By.cssSelector("input[type=password]"));
  }
}
