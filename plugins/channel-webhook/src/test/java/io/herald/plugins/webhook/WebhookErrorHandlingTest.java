package io.herald.plugins.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.tck.TestPluginContext;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How answers and failures map to results: what the host retries, slows down for or gives up. */
class WebhookErrorHandlingTest {

  @RegisterExtension
  static final WireMockExtension SERVER =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final TestPluginContext context = new TestPluginContext("channel-webhook");
  private WebhookChannelProvider provider;

  @BeforeEach
  void setUp() throws Exception {
    provider = WebhookTestSupport.provider(WebhookTestSupport.loopbackConfig(), context);
  }

  @AfterEach
  void tearDown() {
    provider.close();
  }

  private DeliveryResult answer(int status, String retryAfter, String body) {
    var response = aResponse().withStatus(status).withBody(body);
    if (retryAfter != null) {
      response = response.withHeader("Retry-After", retryAfter);
    }
    SERVER.stubFor(any(urlPathEqualTo("/h")).willReturn(response));
    return provider.send(
        WebhookTestSupport.webhook("k-" + status, SERVER.baseUrl() + "/h").body("{}").build());
  }

  @Test
  void a429IsRateLimitedForItsRetryAfterSecondsOrDate() {
    assertThat(answer(429, "120", "slow down"))
        .isEqualTo(DeliveryResult.rateLimited(Duration.ofSeconds(120)));
    // TestPluginContext's clock stands at 2026-01-01T00:00:00Z.
    assertThat(answer(429, "Thu, 01 Jan 2026 00:05:00 GMT", ""))
        .isEqualTo(DeliveryResult.rateLimited(Duration.ofMinutes(5)));
    assertThat(answer(429, null, ""))
        .isEqualTo(DeliveryResult.rateLimited(WebhookResponses.DEFAULT_RATE_LIMIT_DELAY));
  }

  @Test
  void a5xxIsRetryableWithTheBodyInTheReason() {
    assertThat(answer(503, "7", "maintenance"))
        .isEqualTo(DeliveryResult.retryable("HTTP 503: maintenance", Duration.ofSeconds(7)));
    assertThat(answer(500, null, ""))
        .isEqualTo(DeliveryResult.retryable("HTTP 500", WebhookResponses.DEFAULT_RETRY_DELAY));
  }

  @Test
  void otherClientErrorsArePermanentWithTheStatusAndAnExcerpt() {
    DeliveryResult result =
        answer(422, null, "{\"error\":\"email is invalid\"}\n" + "x".repeat(400));

    assertThat(result).isInstanceOf(DeliveryResult.PermanentFailure.class);
    String reason = ((DeliveryResult.PermanentFailure) result).reason();
    assertThat(reason).startsWith("HTTP 422: {\"error\":\"email is invalid\"} xxx").endsWith("…");
    assertThat(reason.length()).isLessThan(320);
    assertThat(answer(404, null, "")).isEqualTo(DeliveryResult.permanent("HTTP 404"));
  }

  @Test
  void aRedirectIsNotFollowed() {
    SERVER.stubFor(
        any(urlPathEqualTo("/moved"))
            .willReturn(aResponse().withStatus(302).withHeader("Location", "http://10.0.0.5/")));

    DeliveryResult result =
        provider.send(WebhookTestSupport.webhook("k-r", SERVER.baseUrl() + "/moved").build());

    assertThat(result)
        .isEqualTo(
            DeliveryResult.permanent(
                "HTTP 302: redirects are not followed (Location: http://10.0.0.5/)"));
    SERVER.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void noAnswerWithinTheMessagesTimeoutIsRetryable() {
    SERVER.stubFor(
        any(urlPathEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));

    DeliveryResult result =
        provider.send(
            WebhookTestSupport.webhook("k-slow", SERVER.baseUrl() + "/slow")
                .payload(Map.of("timeout_seconds", 1))
                .build());

    assertThat(result)
        .isEqualTo(
            DeliveryResult.retryable(
                "no answer from POST http://localhost:" + SERVER.getPort() + " within 1 s",
                WebhookResponses.DEFAULT_RETRY_DELAY));
  }

  @Test
  void aBrokenConnectionOrAClosedPortIsRetryable() throws Exception {
    SERVER.stubFor(
        any(urlPathEqualTo("/reset"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    DeliveryResult reset =
        provider.send(WebhookTestSupport.webhook("k-1", SERVER.baseUrl() + "/reset").build());
    DeliveryResult refused =
        provider.send(
            WebhookTestSupport.webhook("k-2", "http://127.0.0.1:" + closedPort + "/").build());

    assertThat(reset).isInstanceOf(DeliveryResult.RetryableFailure.class);
    assertThat(refused).isInstanceOf(DeliveryResult.RetryableFailure.class);
    assertThat(((DeliveryResult.RetryableFailure) refused).reason())
        .startsWith("call to POST http://127.0.0.1:" + closedPort + " failed: ");
  }

  @Test
  void messagesThatCannotBeSentArePermanentWithoutACall() {
    String url = SERVER.baseUrl() + "/h";

    assertThat(provider.send(WebhookTestSupport.webhook("m-1", "ftp://example.com/x").build()))
        .isEqualTo(DeliveryResult.permanent("recipient: not an http or https URL"));
    assertThat(provider.send(WebhookTestSupport.webhook("m-2", "not a url").build()))
        .isInstanceOf(DeliveryResult.PermanentFailure.class);
    assertThat(
            provider.send(
                WebhookTestSupport.webhook("m-3", url).payload(Map.of("method", "TRACE")).build()))
        .isEqualTo(
            DeliveryResult.permanent(
                "method: must be one of GET, POST, PUT, PATCH, DELETE, not TRACE"));
    assertThat(
            provider.send(
                WebhookTestSupport.webhook("m-4", url)
                    .payload(Map.of("timeout_seconds", 900))
                    .build()))
        .isEqualTo(DeliveryResult.permanent("timeout_seconds: must be a number from 1 to 300"));
    assertThat(
            provider.send(
                WebhookTestSupport.webhook("m-5", url)
                    .headers(Map.of("X-Evil", "a\r\nHost: other"))
                    .build()))
        .isEqualTo(DeliveryResult.permanent("headers: the value of X-Evil has a line break"));
    assertThat(
            provider.send(
                WebhookTestSupport.webhook("m-6", url).headers(Map.of("Host", "other")).build()))
        .isEqualTo(DeliveryResult.permanent("headers: Host is set by the webhook channel"));
    SERVER.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aClosedProviderSendsNothing() {
    provider.close();

    assertThat(provider.send(WebhookTestSupport.webhook("c-1", SERVER.baseUrl() + "/h").build()))
        .isEqualTo(DeliveryResult.permanent("the webhook channel was closed"));
    assertThat(provider.health().status())
        .isEqualTo(io.herald.plugin.api.ProviderHealth.Status.DOWN);
  }
}
