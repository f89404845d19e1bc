package io.herald.plugins.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.tck.TestPluginContext;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The exact request a webhook sends, and what of the answer is kept. */
class WebhookRequestShapeTest {

  @RegisterExtension
  static final WireMockExtension SERVER =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final TestPluginContext context = new TestPluginContext("channel-webhook");
  private WebhookChannelProvider provider;

  @BeforeEach
  void setUp() throws Exception {
    provider = WebhookTestSupport.provider(WebhookTestSupport.loopbackConfig(), context);
    SERVER.stubFor(any(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
  }

  @AfterEach
  void tearDown() {
    provider.close();
  }

  @Test
  void postsTheBodyWithTheGivenHeadersAsJson() {
    DeliveryResult result =
        provider.send(
            WebhookTestSupport.webhook("d-1", SERVER.baseUrl() + "/hook?source=journey&x=%2F")
                .headers(Map.of("X-Signature", "abc", "Authorization", "Bearer tok-123"))
                .body("{\"event\":\"signup\",\"plan\":\"pro\"}")
                .build());

    assertThat(result).isInstanceOf(DeliveryResult.Accepted.class);
    SERVER.verify(
        1,
        postRequestedFor(urlEqualTo("/hook?source=journey&x=%2F"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("X-Signature", equalTo("abc"))
            .withHeader("Authorization", equalTo("Bearer tok-123"))
            .withHeader("User-Agent", equalTo("Herald-Webhook/1.0"))
            .withHeader("Idempotency-Key", equalTo("d-1"))
            .withHeader("Content-Length", equalTo("31"))
            .withRequestBody(equalToJson("{\"event\":\"signup\",\"plan\":\"pro\"}")));
    LoggedRequest request = SERVER.getAllServeEvents().get(0).getRequest();
    assertThat(request.getBodyAsString()).isEqualTo("{\"event\":\"signup\",\"plan\":\"pro\"}");
    assertThat(request.getHeader("Host")).isEqualTo("localhost:" + SERVER.getPort());
  }

  @Test
  void theMethodAndContentTypeComeFromThePayloadAndHeaders() {
    provider.send(
        WebhookTestSupport.webhook("d-2", SERVER.baseUrl() + "/hook")
            .payload(Map.of("method", "put"))
            .headers(Map.of("Content-Type", "application/x-www-form-urlencoded"))
            .body("a=1&b=two")
            .build());
    provider.send(
        WebhookTestSupport.webhook("d-3", SERVER.baseUrl() + "/hook")
            .payload(Map.of("method", "PATCH"))
            .body("plain words")
            .build());

    SERVER.verify(
        putRequestedFor(urlEqualTo("/hook"))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withRequestBody(equalTo("a=1&b=two")));
    SERVER.verify(
        patchRequestedFor(urlEqualTo("/hook"))
            .withHeader("Content-Type", equalTo("text/plain; charset=UTF-8"))
            .withRequestBody(equalTo("plain words")));
  }

  @Test
  void aGetSendsNoBodyAndUserInfoBecomesBasicAuth() {
    String url = SERVER.baseUrl().replace("http://", "http://ada:s%40fe@") + "/hook?q=1";

    provider.send(
        WebhookTestSupport.webhook("d-4", url)
            .payload(Map.of("method", "GET"))
            .body("ignored")
            .build());

    SERVER.verify(
        getRequestedFor(urlEqualTo("/hook?q=1"))
            .withHeader("Authorization", equalTo("Basic YWRhOnNAZmU="))
            .withHeader("Content-Type", absent())
            .withHeader("Content-Length", absent()));
    assertThat(SERVER.getAllServeEvents().get(0).getRequest().getBody()).isEmpty();
  }

  @Test
  void aJsonAnswerIsKeptParsedWithTheKeptHeaders() {
    SERVER.stubFor(
        any(urlPathEqualTo("/json"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withHeader("Location", "/things/7")
                    .withHeader("X-Request-Id", "req-9")
                    .withHeader("Set-Cookie", "session=secret")
                    .withBody("{\"id\":7,\"tags\":[\"a\",\"b\"],\"ok\":true,\"none\":null}")));

    DeliveryResult result =
        provider.send(WebhookTestSupport.webhook("d-5", SERVER.baseUrl() + "/json").build());

    assertThat(result)
        .isEqualTo(
            DeliveryResult.accepted(
                "d-5",
                Map.of(
                    "status",
                    201,
                    "headers",
                    Map.of(
                        "content-type",
                        "application/json; charset=utf-8",
                        "location",
                        "/things/7",
                        "x-request-id",
                        "req-9"),
                    "body",
                    Map.of("id", 7, "tags", List.of("a", "b"), "ok", true))));
  }

  @Test
  void aTextAnswerIsKeptAsTextAndALongOneIsCut() {
    SERVER.stubFor(
        any(urlPathEqualTo("/text"))
            .willReturn(aResponse().withStatus(200).withBody("thanks, got it")));
    SERVER.stubFor(
        any(urlPathEqualTo("/big"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("[" + "1,".repeat(50_000) + "1]")));

    DeliveryResult.Accepted text =
        (DeliveryResult.Accepted)
            provider.send(WebhookTestSupport.webhook("d-6", SERVER.baseUrl() + "/text").build());
    DeliveryResult.Accepted big =
        (DeliveryResult.Accepted)
            provider.send(WebhookTestSupport.webhook("d-7", SERVER.baseUrl() + "/big").build());

    assertThat(text.response())
        .containsEntry("body", "thanks, got it")
        .containsEntry("status", 200);
    assertThat(big.response()).containsEntry("body_truncated", true);
    assertThat((String) big.response().get("body"))
        .hasSize(WebhookChannelProvider.MAX_BODY_BYTES)
        .startsWith("[1,1,");
  }

  @Test
  void connectsToTheAddressItCheckedWithoutLookingTheNameUpAgain() throws Exception {
    int[] lookups = {0};
    WebhookChannelProvider pinned =
        WebhookTestSupport.provider(
            WebhookTestSupport.loopbackConfig(),
            context,
            host -> {
              lookups[0]++;
              assertThat(host).isEqualTo("hooks.rebind.test");
              return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
            });

    DeliveryResult result =
        pinned.send(
            WebhookTestSupport.webhook(
                    "d-8", "http://hooks.rebind.test:" + SERVER.getPort() + "/hook")
                .body("{}")
                .build());
    pinned.close();

    assertThat(result).isInstanceOf(DeliveryResult.Accepted.class);
    assertThat(lookups[0]).isEqualTo(1);
    SERVER.verify(
        postRequestedFor(urlEqualTo("/hook"))
            .withHeader("Host", equalTo("hooks.rebind.test:" + SERVER.getPort())));
  }
}
