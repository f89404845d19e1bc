package io.herald.plugins.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.tck.ChannelProviderContractTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared plugin contract, against a local WireMock endpoint the allow-list lets through. */
class WebhookChannelProviderContractTest extends ChannelProviderContractTest {

  @RegisterExtension
  static final WireMockExtension SERVER =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @BeforeEach
  void stub() {
    SERVER.stubFor(
        post(urlEqualTo("/hooks/orders"))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"queued\":true}")));
  }

  @Override
  protected ChannelProviderFactory factory() {
    return new WebhookChannelProviderFactory();
  }

  @Override
  protected ChannelConfig validConfig() {
    return new ChannelConfig(WebhookTestSupport.loopbackConfig());
  }

  @Override
  protected OutboundMessage sampleMessage() {
    return WebhookTestSupport.webhook("tck-1", SERVER.baseUrl() + "/hooks/orders")
        .body("{\"order\":42}")
        .build();
  }

  @Test
  void theSampleMessageIsAcceptedWithTheAnswer() throws Exception {
    DeliveryResult result = createProvider().send(sampleMessage());

    assertThat(result)
        .isEqualTo(
            DeliveryResult.accepted(
                "tck-1",
                Map.of(
                    "status",
                    202,
                    "headers",
                    Map.of("content-type", "application/json"),
                    "body",
                    Map.of("queued", true))));
  }
}
