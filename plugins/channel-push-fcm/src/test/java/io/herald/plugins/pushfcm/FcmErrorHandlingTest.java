package io.herald.plugins.pushfcm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.herald.plugins.pushfcm.FcmTestSupport.ACCESS_TOKEN;
import static io.herald.plugins.pushfcm.FcmTestSupport.MESSAGE_NAME;
import static io.herald.plugins.pushfcm.FcmTestSupport.SEND_PATH;
import static io.herald.plugins.pushfcm.FcmTestSupport.TOKEN_PATH;
import static io.herald.plugins.pushfcm.FcmTestSupport.fcmError;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.ProviderHealth;
import io.herald.plugin.tck.TestPluginContext;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FCM's documented error answers (firebase.google.com/docs/cloud-messaging/error-codes and
 * /docs/reference/fcm/rest/v1/ErrorCode), token endpoint failures, timeouts and refused
 * connections, each mapped to the result the host acts on.
 */
class FcmErrorHandlingTest {

  private static final KeyPair KEYS = FcmTestSupport.rsaKeyPair();
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @RegisterExtension
  static final WireMockExtension FCM =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MutableClock clock = new MutableClock(NOW);
  private final TestPluginContext context = new TestPluginContext("channel-push-fcm", clock);
  private ChannelProvider provider;

  @BeforeEach
  void setUp() throws Exception {
    FCM.stubFor(FcmTestSupport.tokenStub(ACCESS_TOKEN));
    provider = create(FcmTestSupport.config(KEYS, FCM.baseUrl()));
  }

  @AfterEach
  void tearDown() {
    provider.close();
  }

  private ChannelProvider create(Map<String, String> values) throws Exception {
    return new FcmChannelProviderFactory().create(new ChannelConfig(values), context);
  }

  private DeliveryResult sendAnswered(
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
    FCM.stubFor(FcmTestSupport.sendStub(answer));
    return provider.send(FcmTestSupport.push("e-1").build());
  }

  @Test
  void unregisteredTokenIsAnInvalidRecipient() {
    DeliveryResult result =
        sendAnswered(fcmError(404, "NOT_FOUND", "Requested entity was not found.", "UNREGISTERED"));

    assertThat(result)
        .isEqualTo(
            DeliveryResult.invalidRecipient(
                "FCM 404 UNREGISTERED: Requested entity was not found."));
  }

  @Test
  void aMalformedRegistrationTokenIsAnInvalidRecipient() {
    DeliveryResult result =
        sendAnswered(
            fcmError(
                400,
                "INVALID_ARGUMENT",
                "The registration token is not a valid FCM registration token",
                "INVALID_ARGUMENT"));

    assertThat(result).isInstanceOf(DeliveryResult.InvalidRecipient.class);
    assertThat(((DeliveryResult.InvalidRecipient) result).reason())
        .isEqualTo(
            "FCM 400 INVALID_ARGUMENT: The registration token is not a valid FCM registration"
                + " token");
  }

  @Test
  void anInvalidDataValueIsPermanentNotAnInvalidRecipient() {
    // The documented example 1 of the error-codes page: a BadRequest detail on message.data.
    DeliveryResult result =
        sendAnswered(
            aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(
                    """
                    {"error":{"code":400,
                      "message":"Invalid value at 'message.data[0].value' (TYPE_STRING), 12",
                      "status":"INVALID_ARGUMENT",
                      "details":[{"@type":"type.googleapis.com/google.rpc.BadRequest",
                        "fieldViolations":[{"field":"message.data[0].value",
                          "description":"Invalid value at 'message.data[0].value' (TYPE_STRING), 12"}]}]}}
                    """));

    assertThat(result)
        .isEqualTo(
            DeliveryResult.permanent(
                "FCM 400 INVALID_ARGUMENT: Invalid value at 'message.data[0].value'"
                    + " (TYPE_STRING), 12"));
  }

  @Test
  void quotaExceededIsRateLimitedForTheRetryAfterDelay() {
    DeliveryResult result =
        sendAnswered(
            fcmError(
                    429,
                    "RESOURCE_EXHAUSTED",
                    "Quota exceeded for quota metric 'Send requests'",
                    "QUOTA_EXCEEDED")
                .withHeader("Retry-After", "120"));

    assertThat(result).isEqualTo(DeliveryResult.rateLimited(Duration.ofSeconds(120)));
  }

  @Test
  void aRetryAfterDateIsReadRelativeToTheClock() {
    DeliveryResult result =
        sendAnswered(
            fcmError(429, "RESOURCE_EXHAUSTED", "Quota exceeded", "QUOTA_EXCEEDED")
                .withHeader("Retry-After", "Sun, 01 Mar 2026 12:01:30 GMT"));

    assertThat(result).isEqualTo(DeliveryResult.rateLimited(Duration.ofSeconds(90)));
  }

  @Test
  void unavailableIsRetryable() {
    DeliveryResult result =
        sendAnswered(
            fcmError(503, "UNAVAILABLE", "The service is currently unavailable.", "UNAVAILABLE")
                .withHeader("Retry-After", "10"));

    assertThat(result)
        .isEqualTo(
            DeliveryResult.retryable(
                "FCM 503 UNAVAILABLE: The service is currently unavailable.",
                Duration.ofSeconds(10)));
  }

  @Test
  void internalErrorIsRetryableWithTheDefaultDelay() {
    DeliveryResult result =
        sendAnswered(fcmError(500, "INTERNAL", "Internal error encountered.", "INTERNAL"));

    assertThat(result)
        .isEqualTo(
            DeliveryResult.retryable(
                "FCM 500 INTERNAL: Internal error encountered.", Duration.ofSeconds(30)));
  }

  @Test
  void senderIdMismatchIsPermanent() {
    DeliveryResult result =
        sendAnswered(fcmError(403, "PERMISSION_DENIED", "SenderId mismatch", "SENDER_ID_MISMATCH"));

    assertThat(result)
        .isEqualTo(DeliveryResult.permanent("FCM 403 SENDER_ID_MISMATCH: SenderId mismatch"));
  }

  @Test
  void thirdPartyAuthErrorIsPermanentWithoutANewToken() {
    DeliveryResult result =
        sendAnswered(
            fcmError(
                401,
                "UNAUTHENTICATED",
                "Auth error from APNS or Web Push Service",
                "THIRD_PARTY_AUTH_ERROR"));

    assertThat(result)
        .isEqualTo(
            DeliveryResult.permanent(
                "FCM 401 THIRD_PARTY_AUTH_ERROR: Auth error from APNS or Web Push Service"));
    FCM.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    FCM.verify(1, postRequestedFor(urlPathEqualTo(SEND_PATH)));
  }

  @Test
  void aRefusedAccessTokenIsReplacedOnceAndTheSendRetriedInTheSameCall() {
    String unauthenticated =
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login"
            + " cookie or other valid authentication credential.";
    FCM.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .inScenario("token")
            .whenScenarioStateIs(STARTED)
            .willReturn(FcmTestSupport.tokenResponse(ACCESS_TOKEN))
            .willSetStateTo("second"));
    FCM.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .inScenario("token")
            .whenScenarioStateIs("second")
            .willReturn(FcmTestSupport.tokenResponse("ya29.fresh")));
    FCM.stubFor(
        FcmTestSupport.sendStub(fcmError(401, "UNAUTHENTICATED", unauthenticated, null))
            .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
    FCM.stubFor(
        FcmTestSupport.sendStub(FcmTestSupport.sent())
            .withHeader("Authorization", equalTo("Bearer ya29.fresh")));

    DeliveryResult result = provider.send(FcmTestSupport.push("e-2").build());

    assertThat(result).isEqualTo(DeliveryResult.accepted(MESSAGE_NAME));
    FCM.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    FCM.verify(2, postRequestedFor(urlPathEqualTo(SEND_PATH)));
  }

  @Test
  void aSecond401AfterAFreshTokenIsPermanent() {
    FCM.stubFor(
        FcmTestSupport.sendStub(
            fcmError(
                401, "UNAUTHENTICATED", "Request had invalid authentication credentials.", null)));

    DeliveryResult result = provider.send(FcmTestSupport.push("e-3").build());

    assertThat(result)
        .isEqualTo(
            DeliveryResult.permanent(
                "FCM 401 UNAUTHENTICATED: Request had invalid authentication credentials."));
    FCM.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    FCM.verify(2, postRequestedFor(urlPathEqualTo(SEND_PATH)));
  }

  @Test
  void aTimeoutIsRetryable() throws Exception {
    provider.close();
    Map<String, String> values = FcmTestSupport.config(KEYS, FCM.baseUrl());
    values.put(FcmSchema.TIMEOUT_MS, "200");
    provider = create(values);
    FCM.stubFor(FcmTestSupport.sendStub(FcmTestSupport.sent().withFixedDelay(3000)));

    DeliveryResult result = provider.send(FcmTestSupport.push("e-4").build());

    assertThat(result).isInstanceOf(DeliveryResult.RetryableFailure.class);
    assertThat(((DeliveryResult.RetryableFailure) result).reason())
        .isEqualTo("FCM request failed: timed out (HttpTimeoutException)");
  }

  @Test
  void aRefusedConnectionIsRetryable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    provider.close();
    Map<String, String> values = FcmTestSupport.config(KEYS, FCM.baseUrl());
    values.put(FcmSchema.BASE_URL, "http://127.0.0.1:" + port);
    provider = create(values);

    DeliveryResult result = provider.send(FcmTestSupport.push("e-5").build());

    assertThat(result).isInstanceOf(DeliveryResult.RetryableFailure.class);
    assertThat(((DeliveryResult.RetryableFailure) result).reason())
        .startsWith("FCM request failed: ");
  }

  @Test
  void aRejectedAssertionIsPermanentAndTheHealthIsDown() {
    // Google's answer to a JWT signed with a revoked or wrong key.
    FCM.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(
                        "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT"
                            + " Signature.\"}")));

    DeliveryResult result = provider.send(FcmTestSupport.push("e-6").build());

    assertThat(result)
        .isEqualTo(
            DeliveryResult.permanent(
                "OAuth token request answered HTTP 400 invalid_grant: Invalid JWT Signature."));
    FCM.verify(0, postRequestedFor(urlPathEqualTo(SEND_PATH)));
    ProviderHealth health = provider.health();
    assertThat(health.status()).isEqualTo(ProviderHealth.Status.DOWN);
    assertThat(health.detail()).contains("invalid_grant");
  }

  @Test
  void aFailedTokenFetchIsAnsweredFromMemoryFor30SecondsThenTriedAgain() {
    FCM.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(
                        "{\"error\":\"invalid_client\",\"error_description\":\"The OAuth"
                            + " client was not found.\"}")));
    DeliveryResult refused =
        DeliveryResult.permanent(
            "OAuth token request answered HTTP 401 invalid_client: The OAuth client was not"
                + " found.");

    assertThat(provider.send(FcmTestSupport.push("e-9").build())).isEqualTo(refused);
    clock.advance(Duration.ofSeconds(29));
    assertThat(provider.send(FcmTestSupport.push("e-10").build())).isEqualTo(refused);
    assertThat(provider.health().status()).isEqualTo(ProviderHealth.Status.DOWN);
    FCM.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));

    FCM.stubFor(FcmTestSupport.tokenStub(ACCESS_TOKEN));
    FCM.stubFor(FcmTestSupport.sendStub(FcmTestSupport.sent()));
    clock.advance(Duration.ofSeconds(1));
    assertThat(provider.send(FcmTestSupport.push("e-11").build()))
        .isEqualTo(DeliveryResult.accepted(MESSAGE_NAME));
    FCM.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
  }

  @Test
  void aFailingTokenEndpointIsRetryable() {
    FCM.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));

    DeliveryResult result = provider.send(FcmTestSupport.push("e-7").build());

    assertThat(result)
        .isEqualTo(
            DeliveryResult.retryable(
                "OAuth token request answered HTTP 503", Duration.ofSeconds(30)));
  }

  @Test
  void healthIsUpWhenATokenCanBeHad() {
    ProviderHealth health = provider.health();

    assertThat(health)
        .isEqualTo(
            ProviderHealth.up(
                "authorized for FCM project "
                    + FcmTestSupport.PROJECT
                    + " as "
                    + FcmTestSupport.CLIENT_EMAIL));
  }

  @Test
  void aClosedProviderRefusesToSend() {
    provider.close();
    provider.close();

    assertThat(provider.send(FcmTestSupport.push("e-8").build()))
        .isEqualTo(DeliveryResult.permanent("provider is closed"));
    FCM.verify(0, postRequestedFor(urlPathEqualTo(SEND_PATH)));
  }
}
