package io.herald.plugins.examplesms;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.tck.ChannelProviderContractTest;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Step 4 of the walk-through: the shared plugin contract (TCK), against a local gateway. */
class HttpSmsChannelProviderContractTest extends ChannelProviderContractTest {

  private static Gateway gateway;

  @BeforeAll
  static void startGateway() throws IOException {
    gateway = new Gateway();
  }

  @AfterAll
  static void stopGateway() {
    gateway.close();
  }

  @Override
  protected ChannelProviderFactory factory() {
    return new HttpSmsChannelProviderFactory();
  }

  @Override
  protected ChannelConfig validConfig() {
    return new ChannelConfig(
        Map.of("url", gateway.url(), "api_key", "example-key-7f3a9c", "sender", "Herald"));
  }

  @Override
  protected OutboundMessage sampleMessage() {
    return OutboundMessage.builder("tck-1", ChannelKind.SMS, "+15005550006")
        .body("Your code is 123456")
        .build();
  }
}
