package io.herald.plugins.pushfcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.InvalidConfigException;
import io.herald.plugin.tck.TestPluginContext;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Descriptor, schema and the settings {@code create} refuses. */
class FcmChannelProviderFactoryTest {

  private static final KeyPair KEYS = FcmTestSupport.rsaKeyPair();

  private final FcmChannelProviderFactory factory = new FcmChannelProviderFactory();

  @Test
  void describesAPushChannel() {
    assertThat(factory.descriptor().id()).isEqualTo("push-fcm");
    assertThat(factory.descriptor().kind()).isEqualTo(ChannelKind.PUSH);
  }

  @Test
  void theServiceAccountIsARequiredSecretTextAndTheBaseUrlDefaultsToFcm() {
    ConfigProperty account = factory.configSchema().property("service_account_json").orElseThrow();
    assertThat(account.secret()).isTrue();
    assertThat(account.required()).isTrue();
    assertThat(account.type()).isEqualTo(ConfigProperty.Type.TEXT);
    assertThat(factory.configSchema().property("base_url").orElseThrow().defaultValue())
        .isEqualTo("https://fcm.googleapis.com");
  }

  @Test
  void settingsWithoutOverridesSendToGoogle() throws Exception {
    String json = FcmTestSupport.serviceAccountJson(KEYS, "https://oauth2.googleapis.com/token");
    FcmSettings settings =
        FcmSettings.from(
            new ChannelConfig(Map.of("service_account_json", json)), FcmTestSupport.MAPPER);

    assertThat(settings.sendUrl())
        .hasToString("https://fcm.googleapis.com/v1/projects/herald-push-test/messages:send");
    assertThat(settings.tokenUrl()).hasToString("https://oauth2.googleapis.com/token");
    assertThat(settings.account().toString())
        .isEqualTo("ServiceAccount[" + FcmTestSupport.CLIENT_EMAIL + " in herald-push-test]");
  }

  @Test
  void notJsonIsRefusedWithoutEchoingTheValue() {
    assertThatThrownBy(() -> create(Map.of("service_account_json", "s3cret-not-json{")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("service_account_json: is not valid JSON")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void missingFieldsAndABadKeyAreEachNamed() {
    String json =
        "{\"type\":\"service_account\",\"project_id\":\"Not A Project\","
            + "\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----\\n\","
            + "\"token_uri\":\"ftp://example.test/token\"}";

    assertThatThrownBy(() -> create(Map.of("service_account_json", json)))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "service_account_json: client_email is missing",
                        "service_account_json: private_key is not an RSA PKCS#8 PEM key",
                        "service_account_json: token_uri is not an absolute http or https URL",
                        "service_account_json: project_id is not a Google Cloud project id"));
  }

  @Test
  void badUrlsAndTimeoutsAreRefused() {
    Map<String, String> values = FcmTestSupport.config(KEYS, "http://127.0.0.1:1");
    values.put("base_url", "mailto:x@example.test");
    values.put("token_url", "not a url");
    values.put("timeout_ms", "5");

    assertThatThrownBy(() -> create(values))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "base_url: must be an absolute http or https URL",
                        "token_url: must be an absolute http or https URL",
                        "timeout_ms: must be between 100 and 120000"));
  }

  private void create(Map<String, String> values) throws InvalidConfigException {
    factory.create(new ChannelConfig(values), new TestPluginContext("channel-push-fcm")).close();
  }
}
