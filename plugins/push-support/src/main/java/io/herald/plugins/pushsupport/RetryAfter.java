package io.herald.plugins.pushsupport;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads an HTTP {@code Retry-After} header: delay seconds or an HTTP date (RFC 9110 10.2.3). */
public final class RetryAfter {

  private static final Duration MAX = Duration.ofHours(24);

  private RetryAfter() {}

  /**
   * The delay the header asks for, at most a day.
   *
   * @param headers the response headers
   * @param now the current instant, for HTTP dates
   * @return the delay, or empty when the header is missing or unreadable
   */
  public static Optional<Duration> of(HttpHeaders headers, Instant now) {
    Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
    if (value.isEmpty() || value.get().isEmpty()) {
      return Optional.empty();
    }
    String text = value.get();
    Duration delay;
    if (text.chars().allMatch(Character::isDigit)) {
      try {
        delay = Duration.ofSeconds(Long.parseLong(text));
      } catch (NumberFormatException e) {
        delay = MAX;
      }
    } else {
      try {
        Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        delay = Duration.between(now, at);
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    if (delay.isNegative()) {
      return Optional.of(Duration.ZERO);
    }
    return Optional.of(delay.compareTo(MAX) > 0 ? MAX : delay);
  }
}
