package io.herald.plugins.testecho;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.tck.ChannelProviderContractTest;
import java.util.Map;

/** The shared plugin contract, run against the recording push echo. */
class EchoPushProviderContractTest extends ChannelProviderContractTest {

  @Override
  protected ChannelProviderFactory factory() {
    return new EchoPushProviderFactory();
  }

  @Override
  protected ChannelConfig validConfig() {
    return new ChannelConfig(
        Map.of("prefix", "push-", "invalid", "gone-token", "token", "echo-token-4711-secret"));
  }

  @Override
  protected OutboundMessage sampleMessage() {
    return OutboundMessage.builder("delivery-42", ChannelKind.PUSH, "device-token-1")
        .subject("Hi")
        .body("Your order shipped")
        .payload(Map.of("platform", "ios", "data", Map.of("order", "7")))
        .build();
  }
}
