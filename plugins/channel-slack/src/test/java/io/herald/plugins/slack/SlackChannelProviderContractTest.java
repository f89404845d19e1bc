package io.herald.plugins.slack;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared plugin contract against WireMock standing in for Slack (bot-token mode). */
class SlackChannelProviderContractTest extends ChannelProviderContractTest {

  @RegisterExtension
  static final WireMockExtension SLACK =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @BeforeEach
  void stub() {
    SLACK.stubFor(
        post(urlEqualTo("/api/chat.postMessage"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(SlackSendTest.POSTED)));
  }

  @Override
  protected ChannelProviderFactory factory() {
    return new SlackChannelProviderFactory();
  }

  @Override
  protected ChannelConfig validConfig() {
    return SlackTestSupport.config(SLACK.baseUrl());
  }

  @Override
  protected OutboundMessage sampleMessage() {
    return SlackTestSupport.slack("tck-1", "C123ABC456").body("Deploy finished").build();
  }

  @Test
  void theSampleMessageIsAcceptedWithItsTs() throws Exception {
    assertThat(createProvider().send(sampleMessage()))
        .isEqualTo(DeliveryResult.accepted("1503435956.000247"));
  }
}
