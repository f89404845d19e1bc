package io.herald.plugins.devoutbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.tck.ChannelProviderContractTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared plugin contract, run against the outbox. */
class DevOutboxChannelProviderContractTest extends ChannelProviderContractTest {

  @Override
  protected ChannelProviderFactory factory() {
    return new DevOutboxChannelProviderFactory();
  }

  @Override
  protected ChannelConfig validConfig() {
    return new ChannelConfig(Map.of("default_from", "Herald <herald@herald.test>", "keep", "10"));
  }

  @Override
  protected OutboundMessage sampleMessage() {
    return OutboundMessage.builder("tck-1", ChannelKind.EMAIL, "reader@example.test")
        .subject("Hello")
        .body("<p>Hello</p>")
        .text("Hello")
        .build();
  }

  @Test
  void theSampleMessageIsAcceptedUnderItsOutboxId() throws Exception {
    assertThat(createProvider().send(sampleMessage()))
        .isEqualTo(DeliveryResult.accepted("<outbox-tck-1>"));
  }
}
