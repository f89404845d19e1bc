package io.herald.plugins.pushapns;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.tck.ChannelProviderContractTest;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared plugin contract, against WireMock over TLS and HTTP/2 standing in for APNs. */
class ApnsChannelProviderContractTest extends ChannelProviderContractTest {

  private static final KeyPair KEYS = ApnsTestSupport.p256KeyPair();
  private static final String APNS_ID = "8F3C2E1A-4B5D-4C6E-9F7A-0B1C2D3E4F50";

  @RegisterExtension
  static final WireMockExtension APNS =
      WireMockExtension.newInstance()
          .options(wireMockConfig().httpDisabled(true).dynamicHttpsPort())
          .build();

  @BeforeEach
  void stubs() {
    APNS.stubFor(ApnsTestSupport.sendStub(ApnsTestSupport.accepted(APNS_ID)));
  }

  @Override
  protected ChannelProviderFactory factory() {
    return ApnsTestSupport.factory();
  }

  @Override
  protected ChannelConfig validConfig() {
    return new ChannelConfig(ApnsTestSupport.config(KEYS, APNS.getRuntimeInfo().getHttpsBaseUrl()));
  }

  @Override
  protected OutboundMessage sampleMessage() {
    return ApnsTestSupport.push("tck-1").payload(Map.of("platform", "ios", "badge", 1)).build();
  }

  @Test
  void theSampleMessageIsAccepted() throws Exception {
    assertThat(createProvider().send(sampleMessage())).isEqualTo(DeliveryResult.accepted(APNS_ID));
  }
}
