package io.herald.segments.internal.evaluate;

import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.ZoneChoice;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The day ranges that move with the clock ({@link Operator#WITHIN_LAST_DAYS}, {@link
 * Operator#WITHIN_NEXT_DAYS}): whether a date lies in them now, and the first instant at which that
 * can change.
 *
 * <p>"Within the last N days" is {@code startOfDay(today - N) <= date <= now}: a date after now
 * enters when now reaches it; a date in the range leaves at the local midnight starting the day N +
 * 1 days after its own day (the lower end passes it then); a date before the range never returns.
 * "Within the next N days" is {@code now <= date < startOfDay(today + N + 1)}: a date in the range
 * leaves just after now passes it; a date beyond the range enters at the local midnight starting
 * the day N days before its own day; a date before now never returns.
 */
final class DayRanges {

  private static final Duration ONE_NANO = Duration.ofNanos(1);

  private DayRanges() {}

  /** "Within the last {@code days} days" for a date of {@code seconds} Unix seconds. */
  static Evaluation withinLast(
      BigDecimal seconds, int days, EvaluationContext context, ZoneChoice choice) {
    Instant now = context.now();
    ZoneId zone = context.zone(choice);
    LocalDate today = TimeBounds.dateOf(now, zone);
    BigDecimal start = TimeBounds.seconds(TimeBounds.startOfDay(today.minusDays(days), zone));
    if (seconds.compareTo(start) < 0) {
      return Verdicts.settled(false);
    }
    if (seconds.compareTo(TimeBounds.seconds(now)) > 0) {
      // Enters when now reaches it (the range's start is at or before any date's own day).
      return new Evaluation(false, TimeBounds.ceiling(seconds));
    }
    LocalDate day = TimeBounds.dateOf(TimeBounds.floor(seconds).orElseThrow(), zone);
    Instant leaves = TimeBounds.startOfDay(day.plusDays(days + 1L), zone);
    return new Evaluation(true, Optional.of(afterNow(leaves, today, context, zone)));
  }

  /** "Within the next {@code days} days" for a date of {@code seconds} Unix seconds. */
  static Evaluation withinNext(
      BigDecimal seconds, int days, EvaluationContext context, ZoneChoice choice) {
    Instant now = context.now();
    ZoneId zone = context.zone(choice);
    LocalDate today = TimeBounds.dateOf(now, zone);
    if (seconds.compareTo(TimeBounds.seconds(now)) < 0) {
      return Verdicts.settled(false);
    }
    BigDecimal end = TimeBounds.seconds(TimeBounds.startOfDay(today.plusDays(days + 1L), zone));
    if (seconds.compareTo(end) < 0) {
      // Leaves at the first instant after the date: now <= date no longer holds.
      Instant date = TimeBounds.floor(seconds).orElseThrow();
      return new Evaluation(true, Optional.of(TimeBounds.plusSaturating(date, ONE_NANO)));
    }
    Optional<Instant> date = TimeBounds.floor(seconds);
    if (date.isEmpty()) {
      return Verdicts.settled(false); // beyond the last instant: the range never reaches it
    }
    LocalDate day = TimeBounds.dateOf(date.get(), zone);
    Instant enters = TimeBounds.startOfDay(day.minusDays(days), zone);
    return new Evaluation(false, Optional.of(afterNow(enters, today, context, zone)));
  }

  /**
   * {@code boundary}, or the next local midnight when a zone whose dates run backwards across a
   * transition put the boundary at or before now (re-checking early is harmless).
   */
  private static Instant afterNow(
      Instant boundary, LocalDate today, EvaluationContext context, ZoneId zone) {
    LocalDate next = today;
    Instant candidate = boundary;
    while (!candidate.isAfter(context.now())) {
      next = next.plusDays(1);
      candidate = TimeBounds.startOfDay(next, zone);
    }
    return candidate;
  }
}
