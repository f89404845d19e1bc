package io.herald.plugin.tck;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.OutboundMessage;

/**
 * The contract against a factory whose callbacks throw and log headers. Not a {@code *Test}: only
 * {@link ContractCatchesBrokenPluginsTest} runs it, through the JUnit engine test kit.
 */
class BrokenCallbacksKit extends ChannelProviderContractTest {

  @Override
  protected ChannelProviderFactory factory() {
    return new SampleFactory(false, true);
  }

  @Override
  protected ChannelConfig validConfig() {
    return SampleFactoryContractTest.CONFIG;
  }

  @Override
  protected OutboundMessage sampleMessage() {
    return SampleFactoryContractTest.MESSAGE;
  }
}
