package io.herald.plugins.smstwilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.InvalidConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code create} refuses beyond the schema, and what it makes of valid settings. */
class TwilioSettingsTest {

  private static InvalidConfigException refused(Map<String, String> values) {
    try {
      TwilioSettings.from(new ChannelConfig(values));
    } catch (InvalidConfigException e) {
      return e;
    }
    throw new AssertionError("accepted " + values.keySet());
  }

  @Test
  void readsValidSettings() throws Exception {
    Map<String, String> values = TestSupport.config("https://api.twilio.test/");
    values.put("timeout_ms", "2500");
    TwilioSettings settings = TwilioSettings.from(new ChannelConfig(values));

    assertThat(settings.baseUrl()).isEqualTo("https://api.twilio.test");
    assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(settings.messagesUri())
        .hasToString("https://api.twilio.test" + TestSupport.MESSAGES_PATH);
    assertThat(settings.toString()).doesNotContain(TestSupport.AUTH_TOKEN);
  }

  @Test
  void theBaseUrlDefaultsToTwilio() throws Exception {
    Map<String, String> values = TestSupport.config("x");
    values.remove("base_url");

    assertThat(TwilioSettings.from(new ChannelConfig(values)).messagesUri())
        .hasToString("https://api.twilio.com" + TestSupport.MESSAGES_PATH);
  }

  @Test
  void needsACredential() {
    Map<String, String> values = TestSupport.config("https://api.twilio.com");
    values.remove("auth_token");

    assertThat(refused(values).problems())
        .containsExactly("auth_token: required unless api_key_sid and api_key_secret are set");
  }

  @Test
  void anApiKeyNeedsItsSecretAndItsFormat() {
    Map<String, String> values = TestSupport.config("https://api.twilio.com");
    values.put("api_key_sid", "SK123");

    assertThat(refused(values).problems())
        .containsExactly(
            "api_key_sid and api_key_secret: set both to send with an API key, or neither",
            "api_key_sid: must be SK followed by 32 hexadecimal digits");
  }

  @Test
  void needsASenderOrAMessagingService() {
    Map<String, String> values = TestSupport.config("https://api.twilio.com");
    values.remove("from_number");

    assertThat(refused(values).problems())
        .containsExactly("from_number: set a sender or a messaging_service_sid");
  }

  @Test
  void checksSidFormatsAndTheTimeout() {
    Map<String, String> values = TestSupport.config("https://api.twilio.com");
    values.put("account_sid", "AC123");
    values.put("messaging_service_sid", "MG-nope");
    values.put("timeout_ms", "5");

    assertThat(refused(values).problems())
        .containsExactly(
            "account_sid: must be AC followed by 32 hexadecimal digits",
            "messaging_service_sid: must be MG followed by 32 hexadecimal digits",
            "timeout_ms: must be from 100 to 120000");
  }
}
