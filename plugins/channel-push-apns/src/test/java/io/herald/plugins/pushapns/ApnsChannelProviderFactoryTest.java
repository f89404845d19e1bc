package io.herald.plugins.pushapns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.InvalidConfigException;
import io.herald.plugin.tck.TestPluginContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Descriptor, schema, environments and the settings {@code create} refuses. */
class ApnsChannelProviderFactoryTest {

  private static final KeyPair KEYS = ApnsTestSupport.p256KeyPair();

  private final ApnsChannelProviderFactory factory = new ApnsChannelProviderFactory();

  @Test
  void describesAPushChannelWithTheKeyAsARequiredSecret() {
    assertThat(factory.descriptor().id()).isEqualTo("push-apns");
    assertThat(factory.descriptor().kind()).isEqualTo(ChannelKind.PUSH);
    ConfigProperty key = factory.configSchema().property("key_p8").orElseThrow();
    assertThat(key.secret()).isTrue();
    assertThat(key.required()).isTrue();
    assertThat(key.type()).isEqualTo(ConfigProperty.Type.TEXT);
    assertThat(factory.configSchema().property("environment").orElseThrow().options())
        .containsExactly("production", "sandbox");
  }

  @Test
  void theEnvironmentChoosesApplesHost() throws Exception {
    Map<String, String> values = minimal();
    assertThat(ApnsSettings.from(new ChannelConfig(values)).deviceUrl("ab12"))
        .hasToString("https://api.push.apple.com/3/device/ab12");

    values.put("environment", "sandbox");
    ApnsSettings sandbox = ApnsSettings.from(new ChannelConfig(values));
    assertThat(sandbox.deviceUrl("ab12"))
        .hasToString("https://api.sandbox.push.apple.com/3/device/ab12");
    assertThat(sandbox.tokenRefresh()).isEqualTo(Duration.ofMinutes(40));
    assertThat(sandbox.expiration()).isEqualTo(Duration.ofDays(1));
    assertThat(sandbox.toString())
        .isEqualTo(
            "ApnsSettings[key ABC123DEFG, team DEF123GHIJ, topic test.acme.app, sandbox,"
                + " https://api.sandbox.push.apple.com]");

    values.put("base_url", "https://127.0.0.1:8443/");
    assertThat(ApnsSettings.from(new ChannelConfig(values)).deviceUrl("ab12"))
        .hasToString("https://127.0.0.1:8443/3/device/ab12");
  }

  @Test
  void anRsaKeyIsNotAnApnsKey() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    Map<String, String> values = minimal();
    values.put(
        "key_p8",
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder()
                .encodeToString(rsa.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----");

    assertThatThrownBy(() -> create(values))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("key_p8: is not a PKCS#8 PEM EC P-256 key (an APNs .p8 file)");
  }

  @Test
  void eachBadSettingIsNamedWithoutItsValue() {
    Map<String, String> values = minimal();
    values.put(
        "key_p8", "-----BEGIN PRIVATE KEY-----\nnot-base64-s3cret\n-----END PRIVATE KEY-----");
    values.put("key_id", "abc");
    values.put("team_id", "TOO-LONG-TEAM-ID");
    values.put("bundle_id", "com.acme app");
    values.put("token_refresh_minutes", "10");
    values.put("expiration_seconds", "-1");
    values.put("timeout_ms", "x");

    assertThatThrownBy(() -> create(values))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e -> {
              assertThat(e.problems())
                  .containsExactlyInAnyOrder(
                      "key_p8: is not a PKCS#8 PEM EC P-256 key (an APNs .p8 file)",
                      "key_id: must be 10 upper-case letters and digits",
                      "team_id: must be 10 upper-case letters and digits",
                      "bundle_id: is not a bundle id",
                      "token_refresh_minutes: must be between 20 and 50",
                      "expiration_seconds: must be between 0 and 2678400",
                      "timeout_ms: must be a whole number");
              assertThat(e.getMessage()).doesNotContain("s3cret");
            });
  }

  private static Map<String, String> minimal() {
    Map<String, String> values = new HashMap<>();
    values.put("key_p8", ApnsTestSupport.p8(KEYS));
    values.put("key_id", ApnsTestSupport.KEY_ID);
    values.put("team_id", ApnsTestSupport.TEAM_ID);
    values.put("bundle_id", ApnsTestSupport.TOPIC);
    return values;
  }

  private void create(Map<String, String> values) throws InvalidConfigException {
    factory.create(new ChannelConfig(values), new TestPluginContext("channel-push-apns")).close();
  }
}
