package io.herald.plugins.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.InboundCallback;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.tck.ChannelProviderContractTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared plugin contract against WireMock standing in for the Graph API. The junk callbacks are
 * sent again correctly signed, so they reach the JSON reader too.
 */
class WhatsAppChannelProviderContractTest extends ChannelProviderContractTest {

  @RegisterExtension
  static final WireMockExtension GRAPH =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @BeforeEach
  void stub() {
    GRAPH.stubFor(
        post(urlEqualTo(WhatsAppTestSupport.MESSAGES_PATH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(WhatsAppTestSupport.SUCCESS)));
  }

  @Override
  protected ChannelProviderFactory factory() {
    return new WhatsAppChannelProviderFactory();
  }

  @Override
  protected ChannelConfig validConfig() {
    return WhatsAppTestSupport.config(GRAPH.baseUrl());
  }

  @Override
  protected OutboundMessage sampleMessage() {
    return WhatsAppTestSupport.whatsapp("tck-1", "+16505551234").body("Your order shipped").build();
  }

  @Override
  protected List<InboundCallback> junkCallbacks() {
    List<InboundCallback> junk = new ArrayList<>(super.junkCallbacks());
    for (InboundCallback c : super.junkCallbacks()) {
      String signature =
          "sha256="
              + HexFormat.of()
                  .formatHex(WhatsAppWebhook.hmac(WhatsAppTestSupport.APP_SECRET, c.body()));
      junk.add(
          new InboundCallback(
              "POST",
              c.subPath(),
              Map.of(WhatsAppWebhook.SIGNATURE_HEADER, List.of(signature)),
              c.query(),
              c.body(),
              c.contentType(),
              "",
              ""));
    }
    junk.add(
        new InboundCallback(
            "GET",
            "",
            Map.of(),
            Map.of(
                "hub.mode", List.of("subscribe"),
                "hub.verify_token", List.of(WhatsAppTestSupport.APP_SECRET),
                "hub.challenge", List.of(WhatsAppTestSupport.TOKEN)),
            new byte[0],
            "",
            "",
            ""));
    junk.add(
        new InboundCallback(
            "POST",
            "",
            Map.of(WhatsAppWebhook.SIGNATURE_HEADER, List.of("sha256=zz")),
            Map.of(),
            "{}".getBytes(StandardCharsets.UTF_8),
            "application/json",
            "",
            ""));
    return junk;
  }

  @Test
  void theSampleMessageIsAcceptedWithItsWamid() throws Exception {
    assertThat(createProvider().send(sampleMessage()))
        .isEqualTo(DeliveryResult.accepted(WhatsAppTestSupport.WAMID));
  }
}
