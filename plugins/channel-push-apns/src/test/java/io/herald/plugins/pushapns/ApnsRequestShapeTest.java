package io.herald.plugins.pushapns;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.herald.plugins.pushapns.ApnsTestSupport.DEVICE_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.tck.TestPluginContext;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The exact requests APNs gets (Apple's "Sending notification requests to APNs" and "Establishing a
 * token-based connection to APNs"): HTTP/2 over TLS, {@code POST /3/device/<token>}, the headers,
 * the ES256 provider token (header, claims, a 64-byte JOSE signature that verifies with the key's
 * public half) and every field of the payload.
 */
class ApnsRequestShapeTest {

  private static final KeyPair KEYS = ApnsTestSupport.p256KeyPair();
  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
  private static final String APNS_ID = "8F3C2E1A-4B5D-4C6E-9F7A-0B1C2D3E4F50";

  @RegisterExtension
  static final WireMockExtension APNS =
      WireMockExtension.newInstance()
          .options(wireMockConfig().httpDisabled(true).dynamicHttpsPort())
          .build();

  private final MutableClock clock = new MutableClock(START);
  private final TestPluginContext context = new TestPluginContext("channel-push-apns", clock);
  private final List<ChannelProvider> providers = new ArrayList<>();

  @BeforeEach
  void stubs() {
    APNS.stubFor(ApnsTestSupport.sendStub(ApnsTestSupport.accepted(APNS_ID)));
  }

  @AfterEach
  void close() {
    providers.forEach(ChannelProvider::close);
  }

  private ChannelProvider provider() throws Exception {
    ChannelProvider provider =
        ApnsTestSupport.factory()
            .create(
                new ChannelConfig(
                    ApnsTestSupport.config(KEYS, APNS.getRuntimeInfo().getHttpsBaseUrl())),
                context);
    providers.add(provider);
    return provider;
  }

  @Test
  void anAlertGoesOverHttp2WithTheDocumentedHeaders() throws Exception {
    DeliveryResult result =
        provider()
            .send(
                ApnsTestSupport.push("order-7")
                    .payload(Map.of("collapse_id", "order-7-status"))
                    .build());

    assertThat(result).isEqualTo(DeliveryResult.accepted(APNS_ID));
    LoggedRequest request = only();
    assertThat(request.getProtocol()).isEqualTo("HTTP/2.0");
    assertThat(request.getScheme()).isEqualTo("https");
    assertThat(request.getHeader("apns-topic")).isEqualTo(ApnsTestSupport.TOPIC);
    assertThat(request.getHeader("apns-push-type")).isEqualTo("alert");
    assertThat(request.getHeader("apns-priority")).isEqualTo("10");
    assertThat(request.getHeader("apns-expiration"))
        .isEqualTo(Long.toString(START.getEpochSecond() + 86_400));
    assertThat(request.getHeader("apns-collapse-id")).isEqualTo("order-7-status");
    assertThat(request.getHeader("apns-id"))
        .isEqualTo(UUID.nameUUIDFromBytes("order-7".getBytes(StandardCharsets.UTF_8)).toString());
    assertThat(request.getHeader("content-type")).isEqualTo("application/json");
    assertThat(request.getHeader("authorization")).startsWith("bearer ");
  }

  @Test
  void theProviderTokenIsAnEs256JwtInJoseFormThatVerifiesWithThePublicKey() throws Exception {
    provider().send(ApnsTestSupport.push("k-1").build());

    String[] jwt = bearer(only()).split("\\.");
    assertThat(jwt).hasSize(3);
    assertThat(ApnsTestSupport.json(base64Url(jwt[0])))
        .isEqualTo(
            ApnsTestSupport.json("{\"alg\":\"ES256\",\"kid\":\"" + ApnsTestSupport.KEY_ID + "\"}"));
    assertThat(ApnsTestSupport.json(base64Url(jwt[1])))
        .isEqualTo(
            ApnsTestSupport.json(
                "{\"iss\":\""
                    + ApnsTestSupport.TEAM_ID
                    + "\",\"iat\":"
                    + START.getEpochSecond()
                    + "}"));
    byte[] signature = Base64.getUrlDecoder().decode(jwt[2]);
    assertThat(signature).as("R||S, 32 bytes each, not DER").hasSize(64);
    assertThat(verifies(jwt, KEYS.getPublic())).isTrue();
    assertThat(verifies(jwt, ApnsTestSupport.p256KeyPair().getPublic())).isFalse();
  }

  @Test
  void aMessageWithEveryPayloadKeyBecomesThisApnsPayload() throws Exception {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("platform", "ios");
    payload.put("data", Map.of("order_id", "A-1001", "items", "3"));
    payload.put("image_url", "https://cdn.acme.test/parcel.png");
    payload.put("link", "acme://orders/A-1001");
    payload.put("sound", "default");
    payload.put("badge", 2);
    payload.put("category", "ORDER_UPDATE");
    payload.put("mutable_content", true);
    payload.put("android", Map.of("channel_id", "ignored-on-apns"));
    payload.put(
        "ios",
        Map.of(
            "thread-id", "orders", "interruption-level", "time-sensitive", "acme", Map.of("v", 1)));

    provider().send(ApnsTestSupport.push("k-2").payload(payload).build());

    APNS.verify(
        postRequestedFor(urlPathEqualTo(DEVICE_PATH))
            .withRequestBody(
                equalToJson(
                    """
                    {"aps":{"alert":{"title":"Your order shipped","body":"It arrives on Tuesday."},
                            "badge":2,"sound":"default","category":"ORDER_UPDATE",
                            "mutable-content":1,"thread-id":"orders",
                            "interruption-level":"time-sensitive"},
                     "order_id":"A-1001","items":"3",
                     "CIO":{"push":{"link":"acme://orders/A-1001",
                                    "image":"https://cdn.acme.test/parcel.png"}},
                     "acme":{"v":1}}
                    """)));
  }

  @Test
  void aMessageWithoutTitleBodyBadgeOrSoundIsABackgroundPush() throws Exception {
    provider()
        .send(
            ApnsTestSupport.push("k-3")
                .subject("")
                .body("")
                .payload(Map.of("data", Map.of("sync", "inbox")))
                .build());

    LoggedRequest request = only();
    assertThat(request.getHeader("apns-push-type")).isEqualTo("background");
    assertThat(request.getHeader("apns-priority")).isEqualTo("5");
    assertThat(ApnsTestSupport.json(request.getBodyAsString()))
        .isEqualTo(ApnsTestSupport.json("{\"aps\":{\"content-available\":1},\"sync\":\"inbox\"}"));
  }

  @Test
  void customerIoCustomPayloadIsMergedOverTheBuiltPayload() throws Exception {
    Map<String, Object> custom =
        Map.of(
            "ios",
            Map.of(
                "aps", Map.of("sound", "chime.aiff", "alert", Map.of("subtitle", "Parcel")),
                "CIO", Map.of("push", Map.of("link", "acme://custom"))));

    provider()
        .send(
            ApnsTestSupport.push("k-4")
                .payload(Map.of("sound", "default", "custom_payload", custom))
                .build());

    APNS.verify(
        postRequestedFor(urlPathEqualTo(DEVICE_PATH))
            .withRequestBody(
                equalToJson(
                    """
                    {"aps":{"alert":{"title":"Your order shipped","body":"It arrives on Tuesday.",
                                     "subtitle":"Parcel"},
                            "sound":"chime.aiff"},
                     "CIO":{"push":{"link":"acme://custom"}}}
                    """)));
  }

  @Test
  void oneTokenIsReusedForTheRefreshPeriodAndThenReplaced() throws Exception {
    ChannelProvider provider = provider();

    provider.send(ApnsTestSupport.push("k-5").build());
    clock.advance(Duration.ofMinutes(39).plusSeconds(59));
    provider.send(ApnsTestSupport.push("k-6").build());
    clock.advance(Duration.ofSeconds(1));
    provider.send(ApnsTestSupport.push("k-7").build());

    List<LoggedRequest> requests = APNS.findAll(postRequestedFor(urlPathEqualTo(DEVICE_PATH)));
    assertThat(requests).hasSize(3);
    assertThat(bearer(requests.get(1))).isEqualTo(bearer(requests.get(0)));
    assertThat(bearer(requests.get(2))).isNotEqualTo(bearer(requests.get(0)));
    String[] renewed = bearer(requests.get(2)).split("\\.");
    assertThat(ApnsTestSupport.json(base64Url(renewed[1])).path("iat").asLong())
        .isEqualTo(START.plus(Duration.ofMinutes(40)).getEpochSecond());
    assertThat(verifies(renewed, KEYS.getPublic())).isTrue();
  }

  @Test
  void concurrentSendsShareOneToken() throws Exception {
    ChannelProvider provider = provider();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<DeliveryResult>> sends = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        OutboundMessage message = ApnsTestSupport.push("c-" + i).build();
        sends.add(() -> provider.send(message));
      }
      for (Future<DeliveryResult> result : pool.invokeAll(sends)) {
        assertThat(result.get()).isEqualTo(DeliveryResult.accepted(APNS_ID));
      }
    } finally {
      pool.shutdownNow();
    }
    List<LoggedRequest> requests = APNS.findAll(postRequestedFor(urlPathEqualTo(DEVICE_PATH)));
    assertThat(requests).hasSize(16);
    assertThat(requests.stream().map(ApnsRequestShapeTest::bearer).distinct()).hasSize(1);
    assertThat(requests).allSatisfy(r -> assertThat(r.getProtocol()).isEqualTo("HTTP/2.0"));
  }

  @Test
  void expirationZeroAsksForOneAttempt() throws Exception {
    Map<String, String> values =
        ApnsTestSupport.config(KEYS, APNS.getRuntimeInfo().getHttpsBaseUrl());
    values.put(ApnsSchema.EXPIRATION_SECONDS, "0");
    ChannelProvider provider = ApnsTestSupport.factory().create(new ChannelConfig(values), context);
    providers.add(provider);

    provider.send(ApnsTestSupport.push("k-8").build());

    APNS.verify(
        postRequestedFor(urlPathEqualTo(DEVICE_PATH)).withHeader("apns-expiration", equalTo("0")));
  }

  @Test
  void neitherTheKeyNorTheTokenNorTheDeviceIsLogged() throws Exception {
    ChannelProvider provider = provider();
    provider.send(ApnsTestSupport.push("k-9").build());
    APNS.stubFor(ApnsTestSupport.sendStub(ApnsTestSupport.apnsError(410, "Unregistered")));
    provider.send(ApnsTestSupport.push("k-10").build());
    String jwt = bearer(APNS.findAll(postRequestedFor(urlPathEqualTo(DEVICE_PATH))).get(0));

    String keyLine = ApnsTestSupport.p8(KEYS).split("\n")[1];
    assertThat(context.loggedMessages())
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line)
                    .doesNotContain(keyLine)
                    .doesNotContain(jwt)
                    .doesNotContain(ApnsTestSupport.DEVICE));
  }

  private static LoggedRequest only() {
    List<LoggedRequest> requests = APNS.findAll(postRequestedFor(urlPathEqualTo(DEVICE_PATH)));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  static String bearer(LoggedRequest request) {
    String authorization = request.getHeader("authorization");
    assertThat(authorization).startsWith("bearer ");
    return authorization.substring("bearer ".length());
  }

  static boolean verifies(String[] jwt, PublicKey key) throws Exception {
    Signature ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
    ecdsa.initVerify(key);
    ecdsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
    return ecdsa.verify(Base64.getUrlDecoder().decode(jwt[2]));
  }

  private static String base64Url(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }
}
