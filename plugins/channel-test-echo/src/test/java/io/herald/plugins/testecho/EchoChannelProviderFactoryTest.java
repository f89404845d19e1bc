package io.herald.plugins.testecho;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.InvalidConfigException;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import io.herald.plugin.tck.TestPluginContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EchoChannelProviderFactoryTest {

  private final EchoChannelProviderFactory factory = new EchoChannelProviderFactory();
  private final TestPluginContext context = new TestPluginContext("channel-test-echo");

  private static OutboundMessage message(String key) {
    return new OutboundMessage(key, ChannelKind.WEBHOOK, "https://x.test", "", "", null, null);
  }

  private ChannelProvider create(Map<String, String> values) throws InvalidConfigException {
    return factory.create(new ChannelConfig(values), context);
  }

  @Test
  void describesTheTestEchoWebhookChannel() {
    assertThat(factory.descriptor().id()).isEqualTo("test-echo");
    assertThat(factory.descriptor().kind()).isEqualTo(ChannelKind.WEBHOOK);
  }

  @Test
  void schemaHasRequiredPrefixOptionalFailEveryAndSecretToken() {
    assertThat(factory.configSchema().properties())
        .extracting(
            ConfigProperty::name,
            ConfigProperty::type,
            ConfigProperty::required,
            ConfigProperty::secret)
        .containsExactly(
            tuple("prefix", ConfigProperty.Type.STRING, true, false),
            tuple("failEvery", ConfigProperty.Type.INTEGER, false, false),
            tuple("token", ConfigProperty.Type.STRING, true, true));
  }

  @Test
  void acceptsWithPrefixPlusIdempotencyKey() throws Exception {
    try (ChannelProvider provider = create(Map.of("prefix", "p-", "token", "t0k3n-value"))) {
      assertThat(provider.send(message("abc"))).isEqualTo(DeliveryResult.accepted("p-abc"));
      assertThat(provider.send(message("abc"))).isEqualTo(DeliveryResult.accepted("p-abc"));
      assertThat(provider.health().status()).isEqualTo(ProviderHealth.Status.UP);
    }
  }

  @Test
  void failsEveryNthSendWhenConfigured() throws Exception {
    try (ChannelProvider provider =
        create(Map.of("prefix", "p-", "failEvery", "2", "token", "t0k3n-value"))) {
      assertThat(provider.send(message("1"))).isInstanceOf(DeliveryResult.Accepted.class);
      assertThat(provider.send(message("2")))
          .isEqualTo(DeliveryResult.retryable("echo fails every 2 sends", Duration.ZERO));
      assertThat(provider.send(message("3"))).isInstanceOf(DeliveryResult.Accepted.class);
      assertThat(provider.send(message("4"))).isInstanceOf(DeliveryResult.RetryableFailure.class);
    }
  }

  @Test
  void rejectsNegativeFailEvery() {
    assertThatThrownBy(() -> create(Map.of("prefix", "p", "failEvery", "-1", "token", "x")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("failEvery: must be zero or more");
  }

  @Test
  void aClosedProviderRefusesToSendAndReportsDown() throws Exception {
    ChannelProvider provider = create(Map.of("prefix", "p-", "token", "t0k3n-value"));
    provider.close();

    assertThat(provider.send(message("1"))).isInstanceOf(DeliveryResult.PermanentFailure.class);
    assertThat(provider.health().status()).isEqualTo(ProviderHealth.Status.DOWN);
  }

  @Test
  void logsUseTheContextLoggerAndNeverTheToken() throws Exception {
    try (ChannelProvider provider = create(Map.of("prefix", "p-", "token", "t0k3n-value"))) {
      provider.send(message("k-9"));
    }

    assertThat(context.loggedMessages())
        .containsExactly("echo send #1: k-9", "echo provider closed after 1 sends")
        .noneMatch(line -> line.contains("t0k3n-value"));
  }
}
