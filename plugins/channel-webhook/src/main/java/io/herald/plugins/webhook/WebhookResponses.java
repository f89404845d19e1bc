package io.herald.plugins.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.plugin.api.DeliveryResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a webhook's answer to a {@link DeliveryResult}: 2xx accepted with the answer kept for
 * journey branches, 429 rate limited, 408 and 5xx retried, every other status a permanent failure.
 */
final class WebhookResponses {

  /** Headers kept with an accepted answer (lower case). */
  static final List<String> KEPT_HEADERS =
      List.of("content-type", "location", "etag", "last-modified", "x-request-id", "request-id");

  static final Duration DEFAULT_RATE_LIMIT_DELAY = Duration.ofSeconds(60);
  static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(30);
  private static final int EXCERPT = 300;
  private static final int MAX_HEADER = 2048;

  private final ObjectMapper json;
  private final Clock clock;

  WebhookResponses(ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  DeliveryResult result(String providerMessageId, HttpResponse response) {
    int status = response.status();
    if (status >= 200 && status < 300) {
      return DeliveryResult.accepted(providerMessageId, captured(response));
    }
    if (status == 429) {
      return DeliveryResult.rateLimited(
          RetryAfter.parse(response.header("Retry-After"), clock).orElse(DEFAULT_RATE_LIMIT_DELAY));
    }
    if (status == 408 || status >= 500) {
      return DeliveryResult.retryable(
          describe(response),
          RetryAfter.parse(response.header("Retry-After"), clock).orElse(DEFAULT_RETRY_DELAY));
    }
    if (status >= 300 && status < 400) {
      return DeliveryResult.permanent(
          "HTTP "
              + status
              + ": redirects are not followed"
              + response.header("Location").map(l -> " (Location: " + excerpt(l) + ")").orElse(""));
    }
    return DeliveryResult.permanent(describe(response));
  }

  /** {@code status}, the kept headers and the body, parsed when it is JSON. */
  Map<String, Object> captured(HttpResponse response) {
    Map<String, Object> captured = new LinkedHashMap<>();
    captured.put("status", response.status());
    Map<String, Object> headers = new LinkedHashMap<>();
    for (String name : KEPT_HEADERS) {
      response.header(name).ifPresent(value -> headers.put(name, cap(value, MAX_HEADER)));
    }
    captured.put("headers", headers);
    captured.put("body", body(response));
    if (response.truncated()) {
      captured.put("body_truncated", true);
    }
    return captured;
  }

  private Object body(HttpResponse response) {
    String text = response.bodyText();
    String type = response.mediaType();
    boolean jsonType = type.equals("application/json") || type.endsWith("+json");
    if (jsonType && !response.truncated() && !text.isBlank()) {
      try {
        Object parsed = json.readValue(text, Object.class);
        if (parsed != null) {
          return parsed;
        }
      } catch (IOException e) {
        // Not JSON after all: keep the text.
      }
    }
    return text;
  }

  private static String describe(HttpResponse response) {
    String body = response.bodyText().strip();
    return "HTTP " + response.status() + (body.isEmpty() ? "" : ": " + excerpt(body));
  }

  private static String cap(String value, int length) {
    return value.length() <= length ? value : value.substring(0, length);
  }

  private static String excerpt(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT) + "…";
  }
}
