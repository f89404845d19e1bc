package io.herald.plugin.tck;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.OutboundMessage;
import java.util.Map;

/** The contract run against a well-behaved factory: every test passes. */
class SampleFactoryContractTest extends ChannelProviderContractTest {

  static final ChannelConfig CONFIG =
      new ChannelConfig(Map.of("sender", "HERALD", "apiKey", "key-0123456789"));
  static final OutboundMessage MESSAGE =
      new OutboundMessage("k-1", ChannelKind.SMS, "+15550100", "", "Hi", Map.of(), Map.of());

  @Override
  protected ChannelProviderFactory factory() {
    return new SampleFactory();
  }

  @Override
  protected ChannelConfig validConfig() {
    return CONFIG;
  }

  @Override
  protected OutboundMessage sampleMessage() {
    return MESSAGE;
  }
}
