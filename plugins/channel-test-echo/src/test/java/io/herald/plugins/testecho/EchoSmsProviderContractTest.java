package io.herald.plugins.testecho;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.tck.ChannelProviderContractTest;
import java.util.Map;

/** The shared plugin contract, run against the recording SMS echo. */
class EchoSmsProviderContractTest extends ChannelProviderContractTest {

  @Override
  protected ChannelProviderFactory factory() {
    return new EchoSmsProviderFactory();
  }

  @Override
  protected ChannelConfig validConfig() {
    return new ChannelConfig(Map.of("prefix", "sms-", "token", "echo-token-4711-secret"));
  }

  @Override
  protected OutboundMessage sampleMessage() {
    return OutboundMessage.builder("delivery-42", ChannelKind.SMS, "+15555550100")
        .body("Your code is 1234")
        .build();
  }
}
