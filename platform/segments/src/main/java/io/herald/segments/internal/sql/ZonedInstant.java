package io.herald.segments.internal.sql;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Function;

/**
 * An instant a date comparison compares with, which may depend on the time zone calendar days are
 * read in (local midnights) or not (a fixed instant, now).
 *
 * @param zoned whether the instant depends on the zone
 * @param at the instant in a zone
 */
record ZonedInstant(boolean zoned, Function<ZoneId, Instant> at) {

  /** Requires the function. */
  ZonedInstant {
    Objects.requireNonNull(at, "at");
  }

  /** The same instant in every zone. */
  static ZonedInstant fixed(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return new ZonedInstant(false, zone -> instant);
  }

  /** Local midnight starting {@code day} plus {@code plusDays} days. */
  static ZonedInstant startOf(LocalDate day, long plusDays) {
    Objects.requireNonNull(day, "day");
    return new ZonedInstant(true, zone -> startOfDay(day, plusDays, zone));
  }

  /** Local midnight starting the local day of {@code now} plus {@code plusDays} days. */
  static ZonedInstant startOfToday(Instant now, long plusDays) {
    Objects.requireNonNull(now, "now");
    return new ZonedInstant(
        true, zone -> startOfDay(LocalDate.ofInstant(now, zone), plusDays, zone));
  }

  /** The instant in {@code zone}. */
  Instant in(ZoneId zone) {
    return at.apply(zone);
  }

  /**
   * Local midnight starting {@code day + plusDays} in {@code zone} (the first instant of that day:
   * 01:00 where a DST change skips midnight). Days beyond the calendar's range give {@link
   * Instant#MIN} or {@link Instant#MAX}, which nothing stored reaches.
   */
  static Instant startOfDay(LocalDate day, long plusDays, ZoneId zone) {
    try {
      return day.plusDays(plusDays).atStartOfDay(zone).toInstant();
    } catch (DateTimeException | ArithmeticException outOfRange) {
      return plusDays < 0 ? Instant.MIN : Instant.MAX;
    }
  }

  /** An instant as Unix seconds with its fraction, how date attributes are compared. */
  static BigDecimal seconds(Instant instant) {
    return BigDecimal.valueOf(instant.getEpochSecond())
        .add(BigDecimal.valueOf(instant.getNano(), 9));
  }
}
