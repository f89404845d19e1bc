package io.herald.plugins.pushfcm;

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

/** The shared plugin contract, against WireMock standing in for Google's token endpoint and FCM. */
class FcmChannelProviderContractTest extends ChannelProviderContractTest {

  private static final KeyPair KEYS = FcmTestSupport.rsaKeyPair();

  @RegisterExtension
  static final WireMockExtension FCM =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @BeforeEach
  void stubs() {
    FCM.stubFor(FcmTestSupport.tokenStub(FcmTestSupport.ACCESS_TOKEN));
    FCM.stubFor(FcmTestSupport.sendStub(FcmTestSupport.sent()));
  }

  @Override
  protected ChannelProviderFactory factory() {
    return new FcmChannelProviderFactory();
  }

  @Override
  protected ChannelConfig validConfig() {
    return FcmTestSupport.channelConfig(KEYS, FCM.baseUrl());
  }

  @Override
  protected OutboundMessage sampleMessage() {
    return FcmTestSupport.push("tck-1")
        .payload(Map.of("platform", "android", "data", Map.of("order", "A-1001")))
        .build();
  }

  @Test
  void theSampleMessageIsAccepted() throws Exception {
    assertThat(createProvider().send(sampleMessage()))
        .isEqualTo(DeliveryResult.accepted(FcmTestSupport.MESSAGE_NAME));
  }
}
