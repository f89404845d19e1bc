package io.herald.plugins.smstwilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.plugin.api.DeliveryResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Turns Twilio's answer to {@code POST …/Messages.json} into a {@link DeliveryResult}. Twilio
 * answers 201 with the Message resource, or an error status with {@code {"code", "message",
 * "more_info", "status"}}
 * (https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions):
 *
 * <ul>
 *   <li>2xx with a {@code sid}: accepted under that sid (what status callbacks name);
 *   <li>429 or code 20429 (Too Many Requests): rate limited for the {@code Retry-After} delay, or
 *       {@link #DEFAULT_RATE_LIMIT_DELAY} when Twilio names none;
 *   <li>5xx: retryable;
 *   <li>21211 (invalid 'To' number) and 21614 ('To' is not a mobile number): the number can never
 *       receive SMS, so {@code invalidRecipient};
 *   <li>21610 (the recipient replied STOP): permanent, not {@code invalidRecipient}: the number is
 *       fine and works again once its owner replies START, so the host must not forget it;
 *   <li>any other status: permanent, with Twilio's code and message.
 * </ul>
 */
final class TwilioAnswers {

  /** Wait after a 429 without {@code Retry-After}. */
  static final Duration DEFAULT_RATE_LIMIT_DELAY = Duration.ofSeconds(1);

  static final int INVALID_TO_NUMBER = 21211;
  static final int UNSUBSCRIBED_RECIPIENT = 21610;
  static final int NOT_A_MOBILE_NUMBER = 21614;
  static final int TOO_MANY_REQUESTS = 20429;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_REASON = 300;

  private final Clock clock;

  TwilioAnswers(Clock clock) {
    this.clock = clock;
  }

  /**
   * The result for one answer.
   *
   * @param status the HTTP status
   * @param body the body as text
   * @param retryAfter the {@code Retry-After} header, if any
   */
  DeliveryResult of(int status, String body, Optional<String> retryAfter) {
    Optional<JsonNode> json = parse(body);
    if (status >= 200 && status <= 299) {
      String sid = json.map(j -> j.path("sid").asText("")).orElse("");
      if (sid.isEmpty()) {
        // Twilio took the request; sending again could deliver the text twice.
        return DeliveryResult.permanent(
            "Twilio answered "
                + status
                + " without a message sid; not retried to avoid a duplicate");
      }
      return DeliveryResult.accepted(sid);
    }
    int code = json.map(j -> j.path("code").asInt(0)).orElse(0);
    String message = json.map(j -> j.path("message").asText("")).orElse("");
    String reason = reason(status, code, message, body);
    Optional<Duration> delay = retryAfter.flatMap(this::delay);
    if (status == 429 || code == TOO_MANY_REQUESTS) {
      return DeliveryResult.rateLimited(delay.orElse(DEFAULT_RATE_LIMIT_DELAY));
    }
    if (status >= 500) {
      return DeliveryResult.retryable(reason, delay.orElse(Duration.ZERO));
    }
    if (code == INVALID_TO_NUMBER || code == NOT_A_MOBILE_NUMBER) {
      return DeliveryResult.invalidRecipient(reason);
    }
    if (code == UNSUBSCRIBED_RECIPIENT) {
      return DeliveryResult.permanent(
          reason + " (the recipient replied STOP; Twilio sends again after they reply START)");
    }
    return DeliveryResult.permanent(reason);
  }

  /** {@code Retry-After} as seconds or an HTTP date; empty when unreadable. */
  Optional<Duration> delay(String header) {
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(clock.instant(), at.toInstant());
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  private static String reason(int status, int code, String message, String body) {
    StringBuilder reason = new StringBuilder("Twilio ").append(status);
    if (code != 0) {
      reason.append(" error ").append(code);
    }
    String text = message.isEmpty() && code == 0 ? body : message;
    text = text.replaceAll("\\s+", " ").trim();
    if (!text.isEmpty()) {
      reason.append(": ").append(text);
    }
    if (code != 0) {
      reason.append(" (https://www.twilio.com/docs/errors/").append(code).append(')');
    }
    return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason.toString();
  }

  private static Optional<JsonNode> parse(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(body);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
