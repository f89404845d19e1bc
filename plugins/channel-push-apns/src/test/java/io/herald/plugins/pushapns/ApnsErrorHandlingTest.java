package io.herald.plugins.pushapns;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.herald.plugins.pushapns.ApnsTestSupport.DEVICE_PATH;
import static io.herald.plugins.pushapns.ApnsTestSupport.apnsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import io.herald.plugin.tck.TestPluginContext;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * APNs' documented error answers (Apple's "Handling notification responses from APNs": status and
 * {@code {"reason":…}}), timeouts and refused connections, each mapped to the result the host acts
 * on.
 */
class ApnsErrorHandlingTest {

  private static final KeyPair KEYS = ApnsTestSupport.p256KeyPair();
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String APNS_ID = "8F3C2E1A-4B5D-4C6E-9F7A-0B1C2D3E4F50";

  @RegisterExtension
  static final WireMockExtension APNS =
      WireMockExtension.newInstance()
          .options(wireMockConfig().httpDisabled(true).dynamicHttpsPort())
          .build();

  private final TestPluginContext context =
      new TestPluginContext("channel-push-apns", new MutableClock(NOW));
  private ChannelProvider provider;

  @BeforeEach
  void setUp() throws Exception {
    provider = create(config());
  }

  @AfterEach
  void tearDown() {
    provider.close();
  }

  private static Map<String, String> config() {
    return ApnsTestSupport.config(KEYS, APNS.getRuntimeInfo().getHttpsBaseUrl());
  }

  private ChannelProvider create(Map<String, String> values) throws Exception {
    return ApnsTestSupport.factory().create(new ChannelConfig(values), context);
  }

  private DeliveryResult sendAnswered(ResponseDefinitionBuilder answer) {
    APNS.stubFor(ApnsTestSupport.sendStub(answer));
    return provider.send(ApnsTestSupport.push("e-1").build());
  }

  @Test
  void unregisteredIsAnInvalidRecipient() {
    assertThat(sendAnswered(apnsError(410, "Unregistered")))
        .isEqualTo(DeliveryResult.invalidRecipient("APNs 410 Unregistered"));
  }

  @Test
  void badDeviceTokenIsAnInvalidRecipient() {
    assertThat(sendAnswered(apnsError(400, "BadDeviceToken")))
        .isEqualTo(DeliveryResult.invalidRecipient("APNs 400 BadDeviceToken"));
  }

  @Test
  void otherBadRequestsArePermanentWithTheReason() {
    assertThat(sendAnswered(apnsError(400, "DeviceTokenNotForTopic")))
        .isEqualTo(DeliveryResult.permanent("APNs 400 DeviceTokenNotForTopic"));
    assertThat(sendAnswered(apnsError(413, "PayloadTooLarge")))
        .isEqualTo(DeliveryResult.permanent("APNs 413 PayloadTooLarge"));
  }

  @Test
  void tooManyRequestsIsRateLimitedForTheRetryAfterDelay() {
    assertThat(sendAnswered(apnsError(429, "TooManyRequests").withHeader("Retry-After", "45")))
        .isEqualTo(DeliveryResult.rateLimited(Duration.ofSeconds(45)));
  }

  @Test
  void tooManyProviderTokenUpdatesIsRateLimited() {
    assertThat(sendAnswered(apnsError(429, "TooManyProviderTokenUpdates")))
        .isEqualTo(DeliveryResult.rateLimited(Duration.ofSeconds(60)));
  }

  @Test
  void serverErrorsAreRetryable() {
    assertThat(sendAnswered(apnsError(500, "InternalServerError")))
        .isEqualTo(
            DeliveryResult.retryable("APNs 500 InternalServerError", Duration.ofSeconds(30)));
    assertThat(sendAnswered(apnsError(503, "ServiceUnavailable").withHeader("Retry-After", "5")))
        .isEqualTo(DeliveryResult.retryable("APNs 503 ServiceUnavailable", Duration.ofSeconds(5)));
  }

  @Test
  void anExpiredProviderTokenIsReplacedAndTheSendRetriedOnce() {
    APNS.stubFor(
        post(urlPathEqualTo(DEVICE_PATH))
            .inScenario("expired")
            .whenScenarioStateIs(STARTED)
            .willReturn(apnsError(403, "ExpiredProviderToken"))
            .willSetStateTo("renewed"));
    APNS.stubFor(
        post(urlPathEqualTo(DEVICE_PATH))
            .inScenario("expired")
            .whenScenarioStateIs("renewed")
            .willReturn(ApnsTestSupport.accepted(APNS_ID)));

    DeliveryResult result = provider.send(ApnsTestSupport.push("e-2").build());

    assertThat(result).isEqualTo(DeliveryResult.accepted(APNS_ID));
    List<LoggedRequest> requests = APNS.findAll(postRequestedFor(urlPathEqualTo(DEVICE_PATH)));
    assertThat(requests).hasSize(2);
    String first = ApnsRequestShapeTest.bearer(requests.get(0));
    String second = ApnsRequestShapeTest.bearer(requests.get(1));
    assertThat(second).isNotEqualTo(first);
    assertThat(requests.get(1).getHeader("apns-id"))
        .isEqualTo(requests.get(0).getHeader("apns-id"));

    provider.send(ApnsTestSupport.push("e-3").build());
    assertThat(
            ApnsRequestShapeTest.bearer(
                APNS.findAll(postRequestedFor(urlPathEqualTo(DEVICE_PATH))).get(2)))
        .as("the new token is kept for later sends")
        .isEqualTo(second);
  }

  @Test
  void anExpiredProviderTokenTwiceIsPermanentAndTheHealthIsDown() {
    DeliveryResult result = sendAnswered(apnsError(403, "ExpiredProviderToken"));

    assertThat(result).isEqualTo(DeliveryResult.permanent("APNs 403 ExpiredProviderToken"));
    APNS.verify(2, postRequestedFor(urlPathEqualTo(DEVICE_PATH)));
    assertThat(provider.health().status()).isEqualTo(ProviderHealth.Status.DOWN);
  }

  @Test
  void anInvalidProviderTokenIsPermanentWithoutRetryAndTheHealthIsDownUntilASendWorks() {
    DeliveryResult result = sendAnswered(apnsError(403, "InvalidProviderToken"));

    assertThat(result).isEqualTo(DeliveryResult.permanent("APNs 403 InvalidProviderToken"));
    APNS.verify(1, postRequestedFor(urlPathEqualTo(DEVICE_PATH)));
    assertThat(provider.health())
        .isEqualTo(
            ProviderHealth.down("APNs refused the provider token: APNs 403 InvalidProviderToken"));

    sendAnswered(ApnsTestSupport.accepted(APNS_ID));
    assertThat(provider.health())
        .isEqualTo(ProviderHealth.up("ready for topic " + ApnsTestSupport.TOPIC + " (sandbox)"));
  }

  @Test
  void aTimeoutIsRetryable() throws Exception {
    provider.close();
    Map<String, String> values = config();
    values.put(ApnsSchema.TIMEOUT_MS, "300");
    provider = create(values);

    DeliveryResult result = sendAnswered(ApnsTestSupport.accepted(APNS_ID).withFixedDelay(3000));

    assertThat(result)
        .isEqualTo(DeliveryResult.retryable("APNs request timed out", Duration.ofSeconds(30)));
  }

  @Test
  void aRefusedConnectionIsRetryable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    provider.close();
    Map<String, String> values = config();
    values.put(ApnsSchema.BASE_URL, "https://127.0.0.1:" + port);
    provider = create(values);

    DeliveryResult result = provider.send(ApnsTestSupport.push("e-4").build());

    assertThat(result).isInstanceOf(DeliveryResult.RetryableFailure.class);
    assertThat(((DeliveryResult.RetryableFailure) result).reason())
        .startsWith("APNs request failed: ");
  }

  @Test
  void aTooLargePayloadIsRefusedBeforeSending() {
    DeliveryResult result =
        provider.send(ApnsTestSupport.push("e-5").body("x".repeat(5000)).build());

    assertThat(result).isInstanceOf(DeliveryResult.PermanentFailure.class);
    assertThat(((DeliveryResult.PermanentFailure) result).reason())
        .matches("payload is \\d+ bytes; APNs allows 4096");
    APNS.verify(0, postRequestedFor(urlPathEqualTo(DEVICE_PATH)));
  }

  @Test
  void aRecipientThatIsNoApnsTokenIsRefusedBeforeSendingButNotForgotten() {
    OutboundMessage fcmToken =
        OutboundMessage.builder("e-6", ChannelKind.PUSH, "eHcE2nQk:APA91bGk/../x").build();

    assertThat(provider.send(fcmToken))
        .isEqualTo(DeliveryResult.permanent("recipient: not an APNs device token (hex)"));
    APNS.verify(0, postRequestedFor(urlPathEqualTo(DEVICE_PATH)));
  }

  @Test
  void aClosedProviderRefusesToSend() {
    provider.close();
    provider.close();

    assertThat(provider.send(ApnsTestSupport.push("e-7").build()))
        .isEqualTo(DeliveryResult.permanent("provider is closed"));
    assertThat(provider.health().status()).isEqualTo(ProviderHealth.Status.DOWN);
  }
}
