package io.herald.plugins.testecho;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.tck.ChannelProviderContractTest;
import java.util.Map;

/** The shared plugin contract, run against the echo channel. */
class EchoChannelProviderContractTest extends ChannelProviderContractTest {

  @Override
  protected ChannelProviderFactory factory() {
    return new EchoChannelProviderFactory();
  }

  @Override
  protected ChannelConfig validConfig() {
    return new ChannelConfig(
        Map.of("prefix", "echo-", "failEvery", "3", "token", "echo-token-4711-secret"));
  }

  @Override
  protected OutboundMessage sampleMessage() {
    return new OutboundMessage(
        "delivery-42",
        ChannelKind.WEBHOOK,
        "https://hooks.example.com/in",
        "",
        "{\"hello\":\"world\"}",
        Map.of(),
        Map.of());
  }
}
