package io.herald.plugins.smstwilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.InboundCallback;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import io.herald.plugin.tck.ChannelProviderContractTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared plugin contract against a WireMock Twilio, with the auth token and an API key both
 * set. The junk callbacks are sent as the TCK builds them (no URL, no signature) and again with the
 * URL and a valid signature, so they also reach the parsers behind the signature check.
 */
class TwilioSmsChannelProviderContractTest extends ChannelProviderContractTest {

  @RegisterExtension
  static final WireMockExtension TWILIO =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @BeforeEach
  void stubTwilio() {
    TWILIO.stubFor(
        post(urlPathEqualTo(TestSupport.MESSAGES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestSupport.resource("message-created.json"))));
    TWILIO.stubFor(
        get(urlPathEqualTo("/2010-04-01/Accounts/" + TestSupport.ACCOUNT_SID + ".json"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestSupport.resource("account.json"))));
  }

  @Override
  protected ChannelProviderFactory factory() {
    return new TwilioSmsChannelProviderFactory();
  }

  @Override
  protected ChannelConfig validConfig() {
    Map<String, String> values = TestSupport.config(TWILIO.baseUrl());
    values.put("api_key_sid", TestSupport.API_KEY_SID);
    values.put("api_key_secret", TestSupport.API_KEY_SECRET);
    values.put("status_callback_url", TestSupport.CALLBACK_URL + "/status");
    values.put("help_text", "Acme alerts: reply STOP to stop.");
    return new ChannelConfig(values);
  }

  @Override
  protected OutboundMessage sampleMessage() {
    return TestSupport.sms("tck-1", "Your code is 123456");
  }

  @Override
  protected List<InboundCallback> junkCallbacks() {
    List<InboundCallback> junk = new ArrayList<>(super.junkCallbacks());
    TwilioSignature signature = new TwilioSignature(TestSupport.AUTH_TOKEN);
    for (InboundCallback c : super.junkCallbacks()) {
      String url = TestSupport.CALLBACK_URL + (c.subPath().isEmpty() ? "" : "/" + c.subPath());
      Map<String, List<String>> signed =
          c.mediaType().isEmpty() || c.mediaType().equals("application/x-www-form-urlencoded")
              ? FormParams.parse(c.bodyText(), StandardCharsets.UTF_8).sorted()
              : Map.of();
      Map<String, List<String>> headers = new TreeMap<>(c.headers());
      headers.put(TwilioSignature.HEADER, List.of(signature.compute(url, signed)));
      junk.add(
          new InboundCallback(
              c.method(),
              c.subPath(),
              headers,
              c.query(),
              c.body(),
              c.contentType(),
              c.remoteAddress(),
              url));
    }
    return junk;
  }

  @Test
  void theSampleMessageIsAcceptedUnderTwilioSid() throws Exception {
    DeliveryResult result = createProvider().send(sampleMessage());

    assertThat(result).isEqualTo(DeliveryResult.accepted("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
  }

  @Test
  void healthFetchesTheAccount() throws Exception {
    assertThat(createProvider().health().status()).isEqualTo(ProviderHealth.Status.UP);
  }
}
