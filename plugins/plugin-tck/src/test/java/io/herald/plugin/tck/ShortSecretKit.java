package io.herald.plugin.tck;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.OutboundMessage;
import java.util.Map;

/**
 * The contract with a secret too short to check for leaks, and a config that does not pass the
 * schema. Only {@link ContractCatchesBrokenPluginsTest} runs it.
 */
class ShortSecretKit extends ChannelProviderContractTest {

  @Override
  protected ChannelProviderFactory factory() {
    return new SampleFactory();
  }

  @Override
  protected ChannelConfig validConfig() {
    return new ChannelConfig(Map.of("sender", "HERALD", "apiKey", "k", "unknown", "x"));
  }

  @Override
  protected OutboundMessage sampleMessage() {
    return SampleFactoryContractTest.MESSAGE;
  }
}
