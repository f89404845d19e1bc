package io.herald.plugins.pushfcm;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.herald.plugins.pushfcm.FcmTestSupport.ACCESS_TOKEN;
import static io.herald.plugins.pushfcm.FcmTestSupport.DEVICE;
import static io.herald.plugins.pushfcm.FcmTestSupport.MESSAGE_NAME;
import static io.herald.plugins.pushfcm.FcmTestSupport.SEND_PATH;
import static io.herald.plugins.pushfcm.FcmTestSupport.TOKEN_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.tck.TestPluginContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The exact requests FCM and Google's token endpoint get: the JWT bearer grant (header, claims and
 * an RS256 signature that verifies with the service account's public key), the bearer token on
 * {@code messages:send}, and every field of the FCM message (firebase.google.com/docs/reference/fcm
 * /rest/v1/projects.messages).
 */
class FcmRequestShapeTest {

  private static final KeyPair KEYS = FcmTestSupport.rsaKeyPair();
  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  @RegisterExtension
  static final WireMockExtension FCM =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MutableClock clock = new MutableClock(START);
  private final TestPluginContext context = new TestPluginContext("channel-push-fcm", clock);
  private final List<ChannelProvider> providers = new ArrayList<>();

  @BeforeEach
  void stubs() {
    FCM.stubFor(FcmTestSupport.tokenStub(ACCESS_TOKEN));
    FCM.stubFor(FcmTestSupport.sendStub(FcmTestSupport.sent()));
  }

  @AfterEach
  void close() {
    providers.forEach(ChannelProvider::close);
  }

  private ChannelProvider provider(Map<String, String> values) throws Exception {
    ChannelProvider provider =
        new FcmChannelProviderFactory().create(new ChannelConfig(values), context);
    providers.add(provider);
    return provider;
  }

  private ChannelProvider provider() throws Exception {
    return provider(FcmTestSupport.config(KEYS, FCM.baseUrl()));
  }

  @Test
  void theTokenRequestIsAJwtBearerGrantSignedWithTheServiceAccountKey() throws Exception {
    provider().send(FcmTestSupport.push("k-1").build());

    List<LoggedRequest> tokenRequests = FCM.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    assertThat(tokenRequests).hasSize(1);
    LoggedRequest request = tokenRequests.get(0);
    assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    Map<String, String> form = form(request.getBodyAsString());
    assertThat(form).containsOnlyKeys("grant_type", "assertion");
    assertThat(form.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");

    String[] jwt = form.get("assertion").split("\\.");
    assertThat(jwt).hasSize(3);
    JsonNode header = FcmTestSupport.json(base64Url(jwt[0]));
    assertThat(header)
        .isEqualTo(
            FcmTestSupport.json(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + FcmTestSupport.KEY_ID + "\"}"));
    JsonNode claims = FcmTestSupport.json(base64Url(jwt[1]));
    long iat = START.getEpochSecond();
    assertThat(claims)
        .isEqualTo(
            FcmTestSupport.json(
                "{\"iss\":\""
                    + FcmTestSupport.CLIENT_EMAIL
                    + "\",\"scope\":\"https://www.googleapis.com/auth/firebase.messaging\""
                    + ",\"aud\":\""
                    + FCM.baseUrl()
                    + TOKEN_PATH
                    + "\",\"iat\":"
                    + iat
                    + ",\"exp\":"
                    + (iat + 3600)
                    + "}"));

    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(KEYS.getPublic());
    rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rsa.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();

    Signature other = Signature.getInstance("SHA256withRSA");
    other.initVerify(FcmTestSupport.rsaKeyPair().getPublic());
    other.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(other.verify(Base64.getUrlDecoder().decode(jwt[2]))).isFalse();
  }

  @Test
  void aMessageWithEveryPayloadKeyBecomesThisFcmMessage() throws Exception {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("data", Map.of("order_id", "A-1001", "items", 3, "gift", true));
    payload.put("image_url", "https://cdn.acme.test/parcel.png");
    payload.put("link", "acme://orders/A-1001");
    payload.put("sound", "default");
    payload.put("badge", 2);
    payload.put("category", "ORDER_UPDATE");
    payload.put("mutable_content", true);
    payload.put("collapse_id", "order-A-1001");
    payload.put(
        "android",
        Map.of(
            "priority",
            "high",
            "ttl_seconds",
            3600,
            "channel_id",
            "orders",
            "restricted_package_name",
            "test.acme.app"));
    payload.put("ios", Map.of("thread-id", "orders", "acme", Map.of("v", 1)));

    DeliveryResult result = provider().send(FcmTestSupport.push("k-2").payload(payload).build());

    assertThat(result).isEqualTo(DeliveryResult.accepted(MESSAGE_NAME));
    FCM.verify(
        1,
        postRequestedFor(urlPathEqualTo(SEND_PATH))
            .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
            .withHeader("Content-Type", matching("application/json.*"))
            .withRequestBody(
                equalToJson(
                    """
                    {"message":{
                      "token":"%s",
                      "notification":{"title":"Your order shipped","body":"It arrives on Tuesday.",
                                      "image":"https://cdn.acme.test/parcel.png"},
                      "data":{"order_id":"A-1001","items":"3","gift":"true",
                              "link":"acme://orders/A-1001","image":"https://cdn.acme.test/parcel.png"},
                      "android":{"priority":"HIGH","ttl":"3600s","collapse_key":"order-A-1001",
                                 "restricted_package_name":"test.acme.app",
                                 "notification":{"channel_id":"orders","sound":"default",
                                                 "notification_count":2}},
                      "apns":{"headers":{"apns-collapse-id":"order-A-1001"},
                              "payload":{"aps":{"sound":"default","badge":2,"category":"ORDER_UPDATE",
                                                "mutable-content":1,"thread-id":"orders"},
                                         "CIO":{"push":{"link":"acme://orders/A-1001",
                                                        "image":"https://cdn.acme.test/parcel.png"}},
                                         "acme":{"v":1}},
                              "fcm_options":{"image":"https://cdn.acme.test/parcel.png"}}
                    }}
                    """
                        .formatted(DEVICE))));
  }

  @Test
  void aDataOnlyAndroidMessageHasNoNotificationAndNoApnsPart() throws Exception {
    provider()
        .send(
            FcmTestSupport.push("k-3")
                .subject("")
                .body("")
                .payload(Map.of("platform", "android", "data", Map.of("sync", "inbox")))
                .build());

    FCM.verify(
        postRequestedFor(urlPathEqualTo(SEND_PATH))
            .withRequestBody(
                equalToJson(
                    "{\"message\":{\"token\":\"" + DEVICE + "\",\"data\":{\"sync\":\"inbox\"}}}")));
  }

  @Test
  void customerIoCustomPayloadIsMergedOverTheBuiltMessage() throws Exception {
    Map<String, Object> custom =
        Map.of(
            "ios",
            Map.of(
                "message",
                Map.of(
                    "apns",
                    Map.of("payload", Map.of("aps", Map.of("sound", "chime.aiff"))),
                    "data",
                    Map.of("source", "custom", "count", 7),
                    "token",
                    "must-not-replace-the-recipient")));
    provider()
        .send(
            FcmTestSupport.push("k-4")
                .payload(Map.of("platform", "ios", "sound", "default", "custom_payload", custom))
                .build());

    FCM.verify(
        postRequestedFor(urlPathEqualTo(SEND_PATH))
            .withRequestBody(
                equalToJson(
                    """
                    {"message":{"token":"%s",
                      "notification":{"title":"Your order shipped","body":"It arrives on Tuesday."},
                      "data":{"source":"custom","count":"7"},
                      "apns":{"payload":{"aps":{"sound":"chime.aiff"}}}}}
                    """
                        .formatted(DEVICE))));
  }

  @Test
  void theTokenIsFetchedOnceForTwoSendsAndAgainAfterItExpires() throws Exception {
    ChannelProvider provider = provider();

    provider.send(FcmTestSupport.push("k-5").build());
    provider.send(FcmTestSupport.push("k-6").build());
    FCM.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    FCM.verify(2, postRequestedFor(urlPathEqualTo(SEND_PATH)));

    // expires_in 3599 s; the token is replaced 5 minutes before that.
    clock.advance(Duration.ofSeconds(3599 - 301));
    provider.send(FcmTestSupport.push("k-7").build());
    FCM.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));

    FCM.stubFor(FcmTestSupport.tokenStub("ya29.second-token"));
    clock.advance(Duration.ofSeconds(2));
    provider.send(FcmTestSupport.push("k-8").build());
    FCM.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    FCM.verify(
        1,
        postRequestedFor(urlPathEqualTo(SEND_PATH))
            .withHeader("Authorization", equalTo("Bearer ya29.second-token")));
    List<LoggedRequest> tokenRequests = FCM.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    String secondJwt = form(tokenRequests.get(1).getBodyAsString()).get("assertion");
    JsonNode claims = FcmTestSupport.json(base64Url(secondJwt.split("\\.")[1]));
    assertThat(claims.path("iat").asLong()).isEqualTo(START.getEpochSecond() + 3599 - 299);
  }

  @Test
  void concurrentSendsShareOneTokenRequest() throws Exception {
    ChannelProvider provider = provider();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<DeliveryResult>> sends = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        OutboundMessage message = FcmTestSupport.push("c-" + i).build();
        sends.add(() -> provider.send(message));
      }
      for (Future<DeliveryResult> result : pool.invokeAll(sends)) {
        assertThat(result.get()).isEqualTo(DeliveryResult.accepted(MESSAGE_NAME));
      }
    } finally {
      pool.shutdownNow();
    }
    FCM.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    FCM.verify(16, postRequestedFor(urlPathEqualTo(SEND_PATH)));
  }

  @Test
  void theTokenUrlOverrideIsCalledWhileTheAudienceStaysTheKeysTokenUri() throws Exception {
    FCM.stubFor(
        post(urlPathEqualTo("/proxy/token"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"ya29.via-proxy\",\"expires_in\":3599,"
                        + "\"token_type\":\"Bearer\"}")));
    Map<String, String> values = new LinkedHashMap<>();
    values.put(
        FcmSchema.SERVICE_ACCOUNT_JSON,
        FcmTestSupport.serviceAccountJson(KEYS, "https://oauth2.googleapis.com/token"));
    values.put(FcmSchema.BASE_URL, FCM.baseUrl() + "/");
    values.put(FcmSchema.TOKEN_URL, FCM.baseUrl() + "/proxy/token");

    assertThat(provider(values).send(FcmTestSupport.push("k-9").build()))
        .isEqualTo(DeliveryResult.accepted(MESSAGE_NAME));

    LoggedRequest request = FCM.findAll(postRequestedFor(urlPathEqualTo("/proxy/token"))).get(0);
    String jwt = form(request.getBodyAsString()).get("assertion");
    assertThat(FcmTestSupport.json(base64Url(jwt.split("\\.")[1])).path("aud").asText())
        .isEqualTo("https://oauth2.googleapis.com/token");
    FCM.verify(
        postRequestedFor(urlPathEqualTo(SEND_PATH))
            .withHeader("Authorization", equalTo("Bearer ya29.via-proxy")));
  }

  @Test
  void neitherTheKeyNorTheAccessTokenNorTheDeviceTokenIsLogged() throws Exception {
    ChannelProvider provider = provider();
    provider.send(FcmTestSupport.push("k-10").build());
    FCM.stubFor(
        FcmTestSupport.sendStub(
            FcmTestSupport.fcmError(
                404, "NOT_FOUND", "Requested entity was not found.", "UNREGISTERED")));
    provider.send(FcmTestSupport.push("k-11").build());
    provider.health();

    String keyPart = FcmTestSupport.pkcs8Pem(KEYS).split("\n")[3];
    assertThat(context.loggedMessages())
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line)
                    .doesNotContain(keyPart)
                    .doesNotContain(ACCESS_TOKEN)
                    .doesNotContain(DEVICE));
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      form.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return form;
  }

  private static String base64Url(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }
}
