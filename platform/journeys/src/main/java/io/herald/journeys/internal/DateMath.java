package io.herald.journeys.internal;

import io.herald.journeys.api.TriggerDetails.DateTrigger;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When a date-attribute trigger's date comes for one person: the attribute's value (Unix seconds as
 * a number or digit string, an ISO date {@code 2026-12-01}, an ISO date-time with an offset, or a
 * local ISO date-time read in the person's zone), moved by the offset (days on the local date,
 * hours on the instant), at the trigger's local time of day (else the value's own; midnight for a
 * plain date), in the person's zone. DST gaps move a time forward, as {@link ZonedDateTime} does.
 */
final class DateMath {

  private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,12}");

  private DateMath() {}

  /** The first occurrence at or after {@code from}; empty when none (no date, or it is past). */
  static Optional<Instant> next(DateTrigger t, JsonValue value, ZoneId zone, Instant from) {
    Optional<LocalDateTime> base = local(value, zone);
    if (base.isEmpty()) {
      return Optional.empty();
    }
    if (!t.yearly()) {
      Instant once = occurrence(t, base.get().toLocalDate(), base.get().toLocalTime(), zone);
      return once.isBefore(from) ? Optional.empty() : Optional.of(once);
    }
    // An offset of more than a year moves an occurrence into another year: look that far.
    int spread = (int) (Math.abs(t.offsetDays()) / 365 + Math.abs(t.offsetHours()) / 8760) + 1;
    int year = Math.max(base.get().getYear(), from.atZone(zone).getYear() - spread);
    for (int y = year; y <= year + 2 * spread + 2; y++) {
      LocalDate date = base.get().toLocalDate().withYear(y); // 29 February → 28 in other years
      Instant at = occurrence(t, date, base.get().toLocalTime(), zone);
      if (!at.isBefore(from)) {
        return Optional.of(at);
      }
    }
    return Optional.empty();
  }

  private static Instant occurrence(DateTrigger t, LocalDate date, LocalTime own, ZoneId zone) {
    LocalDate day = date.plusDays(t.offsetDays());
    LocalTime time = t.at() != null ? t.at() : own;
    return ZonedDateTime.of(day, time, zone).toInstant().plusSeconds(t.offsetHours() * 3600);
  }

  /** The value as a local date-time in {@code zone}; empty when it is no date. */
  static Optional<LocalDateTime> local(JsonValue value, ZoneId zone) {
    try {
      if (value instanceof JsonNumber n) {
        return Optional.of(
            LocalDateTime.ofInstant(
                Instant.ofEpochSecond(
                    n.bigDecimalValue().setScale(0, java.math.RoundingMode.FLOOR).longValueExact()),
                zone));
      }
      if (!(value instanceof JsonString s)) {
        return Optional.empty();
      }
      String text = s.getString().trim();
      if (DIGITS.matcher(text).matches()) {
        return Optional.of(
            LocalDateTime.ofInstant(Instant.ofEpochSecond(Long.parseLong(text)), zone));
      }
      if (text.length() == 10) {
        return Optional.of(LocalDate.parse(text).atStartOfDay());
      }
      if (text.endsWith("Z") || text.matches(".*[+-][0-9]{2}:?[0-9]{2}$")) {
        return Optional.of(LocalDateTime.ofInstant(OffsetDateTime.parse(text).toInstant(), zone));
      }
      return Optional.of(LocalDateTime.parse(text));
    } catch (DateTimeException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
