package io.herald.plugins.examplesms;

import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Step 3 of the walk-through: sends one SMS per call as {@code POST <url>} with {@code
 * {"to","text","from","reference"}} and {@code Authorization: Bearer <api key>}. The gateway
 * answers 202 with the message id in {@code X-Message-Id}. Every vendor outcome becomes a {@link
 * DeliveryResult} value, never an exception: 2xx accepted, 429 rate limited (its {@code
 * Retry-After}), 5xx and network errors retryable, other 4xx permanent. The idempotency key goes as
 * {@code reference} (and {@code Idempotency-Key}) so a gateway that deduplicates makes the host's
 * retries safe. Safe for concurrent sends: {@link HttpClient} is.
 */
final class HttpSmsChannelProvider implements io.herald.plugin.api.ChannelProvider {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Duration DEFAULT_RETRY = Duration.ofSeconds(30);
  private static final int MAX_EXCERPT = 200;

  private final URI url;
  private final String apiKey;
  private final String sender;
  private final Duration timeout;
  private final ChannelPluginContext context;
  private final HttpClient http;

  HttpSmsChannelProvider(
      URI url, String apiKey, String sender, Duration timeout, ChannelPluginContext context) {
    this.url = url;
    this.apiKey = apiKey;
    this.sender = sender;
    this.timeout = timeout;
    this.context = context;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    if (!E164.matcher(message.recipient()).matches()) {
      return DeliveryResult.permanent(
          "the recipient is not an E.164 number (+ and 7 to 15 digits)");
    }
    if (message.body().isBlank()) {
      return DeliveryResult.permanent("the message has no text");
    }
    String from = message.from().isEmpty() ? sender : message.from();
    String json =
        "{\"to\":"
            + Json.string(message.recipient())
            + ",\"text\":"
            + Json.string(message.body())
            + (from.isEmpty() ? "" : ",\"from\":" + Json.string(from))
            + ",\"reference\":"
            + Json.string(message.idempotencyKey())
            + "}";
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Idempotency-Key", message.idempotencyKey())
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build();
    try {
      return outcome(http.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      // Never log the request: its headers carry the API key.
      context
          .logger()
          .log(System.Logger.Level.DEBUG, "gateway call failed: " + e.getClass().getSimpleName());
      return DeliveryResult.retryable(
          "the gateway did not answer: " + e.getClass().getSimpleName(), DEFAULT_RETRY);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryResult.retryable("interrupted while sending", DEFAULT_RETRY);
    }
  }

  private static DeliveryResult outcome(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      Optional<String> id = response.headers().firstValue("X-Message-Id");
      return id.isPresent() && !id.get().isBlank()
          ? DeliveryResult.accepted(id.get())
          : DeliveryResult.retryable(
              "the gateway answered " + status + " without X-Message-Id", DEFAULT_RETRY);
    }
    if (status == 429) {
      return DeliveryResult.rateLimited(retryAfter(response).orElse(DEFAULT_RETRY));
    }
    String excerpt = excerpt(response.body());
    if (status >= 500) {
      return DeliveryResult.retryable(
          "the gateway failed: " + status + " " + excerpt,
          retryAfter(response).orElse(DEFAULT_RETRY));
    }
    return DeliveryResult.permanent("the gateway refused the message: " + status + " " + excerpt);
  }

  /** {@code Retry-After} in seconds (the HTTP-date form is rare for APIs; treated as absent). */
  private static Optional<Duration> retryAfter(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .filter(v -> v.trim().matches("[0-9]{1,6}"))
        .map(v -> Duration.ofSeconds(Long.parseLong(v.trim())));
  }

  private static String excerpt(String body) {
    String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= MAX_EXCERPT ? oneLine : oneLine.substring(0, MAX_EXCERPT) + "…";
  }

  @Override
  public ProviderHealth health() {
    return ProviderHealth.up("sends to " + url.getHost());
  }
}
