package io.herald.plugins.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.plugin.api.DeliveryResult;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Maps Slack's answers to results. Incoming webhooks answer {@code ok} as text, or an error code as
 * text with a status ("Sending messages using incoming webhooks", api.slack.com/messaging/webhooks:
 * 400 {@code invalid_payload}, 403 {@code invalid_token} / {@code action_prohibited}, 404 {@code
 * no_service} / {@code channel_not_found}, 410 {@code channel_is_archived}, 500 {@code
 * rollup_error}). {@code chat.postMessage} answers 200 with {@code {"ok":true,"ts":…}} or {@code
 * {"ok":false,"error":…}}, and 429 with {@code Retry-After} when rate limited
 * (api.slack.com/methods/chat.postMessage, api.slack.com/docs/rate-limits).
 */
final class SlackAnswers {

  static final Duration DEFAULT_RATE_LIMIT_DELAY = Duration.ofSeconds(30);
  static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(30);

  /** Web API errors worth another try. */
  private static final Set<String> TRANSIENT =
      Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout");

  private final ObjectMapper json;
  private final Clock clock;

  SlackAnswers(ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  /** An incoming webhook's answer; the id is the delivery's key (webhooks return none). */
  DeliveryResult webhook(String key, HttpResponse<String> response) {
    int status = response.statusCode();
    String text = excerpt(response.body());
    if (status >= 200 && status < 300) {
      return DeliveryResult.accepted(key);
    }
    if (status == 429) {
      return DeliveryResult.rateLimited(retryAfter(response).orElse(DEFAULT_RATE_LIMIT_DELAY));
    }
    String reason = "Slack webhook HTTP " + status + (text.isEmpty() ? "" : ": " + text);
    if (status >= 500) {
      return DeliveryResult.retryable(reason, retryAfter(response).orElse(DEFAULT_RETRY_DELAY));
    }
    return DeliveryResult.permanent(reason);
  }

  /** A {@code chat.postMessage} answer: the message's {@code ts} when it was posted. */
  DeliveryResult postMessage(HttpResponse<String> response) {
    int status = response.statusCode();
    JsonNode body = parse(response.body());
    String error = body.path("error").asText("");
    if (status == 429 || error.equals("ratelimited") || error.equals("rate_limited")) {
      return DeliveryResult.rateLimited(retryAfter(response).orElse(DEFAULT_RATE_LIMIT_DELAY));
    }
    if (status >= 500) {
      return DeliveryResult.retryable(
          "Slack HTTP " + status + (error.isEmpty() ? "" : ": " + error),
          retryAfter(response).orElse(DEFAULT_RETRY_DELAY));
    }
    if (status >= 200 && status < 300 && body.path("ok").asBoolean(false)) {
      String ts = body.path("ts").asText("");
      return ts.isEmpty()
          ? DeliveryResult.retryable("Slack answered ok without a ts", DEFAULT_RETRY_DELAY)
          : DeliveryResult.accepted(ts);
    }
    if (error.isEmpty()) {
      return DeliveryResult.permanent("Slack HTTP " + status + ": " + excerpt(response.body()));
    }
    String reason = "Slack error " + error + hint(error);
    return TRANSIENT.contains(error)
        ? DeliveryResult.retryable(reason, retryAfter(response).orElse(DEFAULT_RETRY_DELAY))
        : DeliveryResult.permanent(reason);
  }

  private static String hint(String error) {
    switch (error) {
      case "not_in_channel":
        return " (invite the app to the channel)";
      case "channel_not_found":
        return " (use the channel ID, and invite the app to private channels)";
      case "invalid_auth":
      case "token_revoked":
      case "account_inactive":
      case "not_authed":
        return " (check the bot token)";
      case "missing_scope":
        return " (the app needs the chat:write scope)";
      default:
        return "";
    }
  }

  private java.util.Optional<Duration> retryAfter(HttpResponse<String> response) {
    return RetryAfter.parse(response.headers().firstValue("Retry-After"), clock);
  }

  private JsonNode parse(String body) {
    try {
      JsonNode node = json.readTree(body == null ? "" : body);
      return node == null ? json.missingNode() : node;
    } catch (IOException e) {
      return json.missingNode();
    }
  }

  private static String excerpt(String text) {
    String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return line.length() <= 300 ? line : line.substring(0, 300) + "…";
  }
}
