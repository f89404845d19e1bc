package io.herald.segments.internal.evaluate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Day and instant arithmetic for date operators and windows: local midnights, Unix seconds as exact
 * decimals, and instant sums that saturate instead of overflowing.
 */
final class TimeBounds {

  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
  private static final BigDecimal MIN_SECONDS = BigDecimal.valueOf(Instant.MIN.getEpochSecond());
  private static final BigDecimal MAX_SECONDS =
      BigDecimal.valueOf(Instant.MAX.getEpochSecond()).add(new BigDecimal("0.999999999"));

  private TimeBounds() {}

  /**
   * The first instant of {@code date} in {@code zone} (a day that begins in a daylight-saving gap
   * begins when the gap ends).
   */
  static Instant startOfDay(LocalDate date, ZoneId zone) {
    return date.atStartOfDay(zone).toInstant();
  }

  /** The date of {@code instant} in {@code zone}. */
  static LocalDate dateOf(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toLocalDate();
  }

  /** The instant as exact Unix seconds. */
  static BigDecimal seconds(Instant instant) {
    return BigDecimal.valueOf(instant.getEpochSecond())
        .add(BigDecimal.valueOf(instant.getNano(), 9));
  }

  /** The latest instant not after {@code seconds}; empty outside {@link Instant}'s range. */
  static Optional<Instant> floor(BigDecimal seconds) {
    return toInstant(seconds, RoundingMode.FLOOR);
  }

  /** The earliest instant not before {@code seconds}; empty outside {@link Instant}'s range. */
  static Optional<Instant> ceiling(BigDecimal seconds) {
    return toInstant(seconds, RoundingMode.CEILING);
  }

  private static Optional<Instant> toInstant(BigDecimal seconds, RoundingMode rounding) {
    if (seconds.compareTo(MIN_SECONDS) < 0 || seconds.compareTo(MAX_SECONDS) > 0) {
      return Optional.empty();
    }
    BigDecimal nanos = seconds.multiply(NANOS_PER_SECOND).setScale(0, rounding);
    BigDecimal[] split = nanos.divideAndRemainder(NANOS_PER_SECOND);
    long epochSecond = split[0].longValueExact();
    long nano = split[1].longValueExact();
    if (nano < 0) {
      epochSecond -= 1;
      nano += 1_000_000_000L;
    }
    try {
      return Optional.of(Instant.ofEpochSecond(epochSecond, nano));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** {@code instant + duration}, or {@link Instant#MAX} when that is past the last instant. */
  static Instant plusSaturating(Instant instant, Duration duration) {
    try {
      return instant.plus(duration);
    } catch (DateTimeException | ArithmeticException e) {
      return Instant.MAX;
    }
  }
}
