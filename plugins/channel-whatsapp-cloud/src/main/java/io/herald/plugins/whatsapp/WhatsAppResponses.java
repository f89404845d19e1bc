package io.herald.plugins.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.plugin.api.DeliveryResult;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Maps a Graph API answer to a {@link DeliveryResult}. Success is {@code
 * {"messaging_product":"whatsapp","contacts":[…],"messages":[{"id":"wamid…"}]}}; errors are {@code
 * {"error":{"message","type","code","error_subcode","error_data":{"details"},"fbtrace_id"}}} with
 * the codes of Meta's "Error codes" page (developers.facebook.com/docs/whatsapp/cloud-api/support/
 * error-codes).
 */
final class WhatsAppResponses {

  static final String OUTSIDE_WINDOW =
      "free-form message outside the 24-hour window; use a template";

  static final Duration DEFAULT_RATE_LIMIT_DELAY = Duration.ofSeconds(60);
  static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(30);

  /** Throughput, pair, spam and account rate limits, and "too many calls". */
  private static final Set<Integer> RATE_LIMITS = Set.of(4, 80007, 130429, 131048, 131056);

  /** Unknown and service errors, "something went wrong", service or server unavailable. */
  private static final Set<Integer> TRANSIENT = Set.of(1, 2, 131000, 131016, 133004);

  private final ObjectMapper json;
  private final Clock clock;

  WhatsAppResponses(ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  DeliveryResult result(HttpResponse<String> response) {
    JsonNode body = parse(response.body());
    int status = response.statusCode();
    Duration retryAfter =
        RetryAfter.parse(response.headers().firstValue("Retry-After"), clock).orElse(null);
    if (status >= 200 && status < 300) {
      String id = body.path("messages").path(0).path("id").asText("");
      if (id.isEmpty()) {
        return DeliveryResult.retryable(
            "HTTP " + status + " without a message id from the Graph API", DEFAULT_RETRY_DELAY);
      }
      return DeliveryResult.accepted(id);
    }
    JsonNode error = body.path("error");
    int code = error.path("code").asInt(-1);
    String described = describe(status, error);
    if (status == 429 || RATE_LIMITS.contains(code)) {
      return DeliveryResult.rateLimited(retryAfter != null ? retryAfter : DEFAULT_RATE_LIMIT_DELAY);
    }
    if (code == 131047) {
      return DeliveryResult.permanent(OUTSIDE_WINDOW + " (" + described + ")");
    }
    if (code == 190) {
      return DeliveryResult.permanent("the access token is invalid or expired (" + described + ")");
    }
    if (code == 131026) {
      return DeliveryResult.permanent(
          "message undeliverable: the number may not be on WhatsApp, or its app is outdated or"
              + " its owner has not accepted the terms ("
              + described
              + ")");
    }
    if (code == 131021) {
      return DeliveryResult.permanent(
          "the recipient is the sending number itself (" + described + ")");
    }
    if (status >= 500 || TRANSIENT.contains(code)) {
      return DeliveryResult.retryable(
          described, retryAfter != null ? retryAfter : DEFAULT_RETRY_DELAY);
    }
    return DeliveryResult.permanent(described);
  }

  private JsonNode parse(String body) {
    try {
      JsonNode node = json.readTree(body == null ? "" : body);
      return node == null ? json.missingNode() : node;
    } catch (IOException e) {
      return json.missingNode();
    }
  }

  /** {@code "HTTP 400, WhatsApp error 131047/2494010: <message> (<details>)"}. */
  private static String describe(int status, JsonNode error) {
    StringBuilder text = new StringBuilder("HTTP ").append(status);
    if (error.isMissingNode() || !error.isObject()) {
      return text.toString();
    }
    text.append(", WhatsApp error ").append(error.path("code").asText("?"));
    if (error.has("error_subcode")) {
      text.append('/').append(error.path("error_subcode").asText());
    }
    String message = error.path("message").asText("");
    if (!message.isEmpty()) {
      text.append(": ").append(excerpt(message));
    }
    String details = error.path("error_data").path("details").asText("");
    if (!details.isEmpty()) {
      text.append(" (").append(excerpt(details)).append(')');
    }
    return text.toString();
  }

  private static String excerpt(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= 300 ? line : line.substring(0, 300) + "…";
  }
}
