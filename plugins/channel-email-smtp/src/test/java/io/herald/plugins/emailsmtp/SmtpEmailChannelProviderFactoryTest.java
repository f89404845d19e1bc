package io.herald.plugins.emailsmtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.InvalidConfigException;
import io.herald.plugin.tck.TestPluginContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The descriptor, the schema and the checks {@code create} makes beyond the schema. */
class SmtpEmailChannelProviderFactoryTest {

  private final SmtpEmailChannelProviderFactory factory = new SmtpEmailChannelProviderFactory();
  private final TestPluginContext context = new TestPluginContext("channel-email-smtp");

  @Test
  void describesTheEmailSmtpChannel() {
    assertThat(factory.descriptor().id()).isEqualTo("email-smtp");
    assertThat(factory.descriptor().kind()).isEqualTo(ChannelKind.EMAIL);
  }

  @Test
  void schemaDeclaresTheSettingsWithDefaultsAndSecrets() {
    assertThat(factory.configSchema().properties())
        .extracting(
            ConfigProperty::name,
            ConfigProperty::type,
            ConfigProperty::required,
            ConfigProperty::secret,
            ConfigProperty::defaultValue)
        .containsExactly(
            tuple("host", ConfigProperty.Type.STRING, true, false, null),
            tuple("port", ConfigProperty.Type.INTEGER, false, false, "587"),
            tuple("security", ConfigProperty.Type.CHOICE, false, false, "starttls"),
            tuple("username", ConfigProperty.Type.STRING, false, false, null),
            tuple("password", ConfigProperty.Type.STRING, false, true, null),
            tuple("default_from", ConfigProperty.Type.STRING, true, false, null),
            tuple("pool_size", ConfigProperty.Type.INTEGER, false, false, "4"),
            tuple("connect_timeout_ms", ConfigProperty.Type.INTEGER, false, false, "10000"),
            tuple("timeout_ms", ConfigProperty.Type.INTEGER, false, false, "30000"),
            tuple("trust_all_certificates", ConfigProperty.Type.BOOLEAN, false, false, "false"),
            tuple("dkim_domain", ConfigProperty.Type.STRING, false, false, null),
            tuple("dkim_selector", ConfigProperty.Type.STRING, false, false, null),
            tuple("dkim_private_key", ConfigProperty.Type.TEXT, false, true, null),
            tuple("callback_secret", ConfigProperty.Type.STRING, false, true, null));
    assertThat(factory.configSchema().property("security").orElseThrow().options())
        .containsExactly("starttls", "tls", "none");
  }

  @Test
  void unusableValuesAreRefusedOneProblemEach() {
    Map<String, String> values = TestSupport.plainConfig(25);
    values.put("port", "70000");
    values.put("pool_size", "0");
    values.put("default_from", "not an address");
    values.remove("username");

    assertThatThrownBy(() -> factory.create(TestSupport.config(values), context))
        .isInstanceOfSatisfying(
            InvalidConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "port: must be between 1 and 65535",
                        "username: is required when a password is set",
                        "default_from: must be one RFC 5322 address with a domain",
                        "pool_size: must be between 1 and 64")
                    .noneMatch(p -> p.contains(TestSupport.PASSWORD)));
  }

  @Test
  void theProviderToStringHidesThePassword() throws Exception {
    try (var provider = factory.create(TestSupport.config(TestSupport.plainConfig(25)), context)) {
      assertThat(provider.toString())
          .contains("smtp://127.0.0.1:25")
          .doesNotContain(TestSupport.PASSWORD);
    }
  }

  @Test
  void messageIdsKeepDistinctKeysDistinct() {
    assertThat(MessageIds.of("a/b", "x.test")).isEqualTo("<a=2Fb@x.test>");
    assertThat(MessageIds.of("a:b", "x.test")).isEqualTo("<a=3Ab@x.test>");
    assertThat(MessageIds.of("k".repeat(300), "x.test"))
        .startsWith("<sha256-")
        .endsWith("@x.test>")
        .hasSize("<sha256-@x.test>".length() + 64);
  }
}
