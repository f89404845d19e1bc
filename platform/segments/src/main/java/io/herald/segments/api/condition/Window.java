package io.herald.segments.api.condition;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;

/**
 * When the events (or engagements) a leaf counts must have happened. Only {@link Last} depends on
 * the clock; {@link Ever} and {@link Between} count the same events whatever the time.
 */
public sealed interface Window permits Window.Ever, Window.Last, Window.Between {

  /**
   * Any time: every event, whatever its {@code occurredAt}, including events dated in the future
   * (unlike {@link Last}). Its count changes only with new data.
   */
  record Ever() implements Window {}

  /**
   * In the last {@code amount} {@code unit}s: {@code occurredAt > now - amount·unit} and not after
   * now (events dated in the future are not counted until their time comes). An event counts from
   * the instant {@code occurredAt} (included) to the instant {@code occurredAt + amount·unit}
   * (excluded).
   *
   * @param amount one or more
   * @param unit minutes, hours or days (a day is 24 hours)
   */
  record Last(long amount, ChronoUnit unit) implements Window {
    /** The units a window may use. */
    public static final Set<ChronoUnit> UNITS =
        Set.of(ChronoUnit.MINUTES, ChronoUnit.HOURS, ChronoUnit.DAYS);

    /** Requires a positive amount and a supported unit. */
    public Last {
      Objects.requireNonNull(unit, "unit");
      if (amount < 1) {
        throw new IllegalArgumentException("amount must be at least 1");
      }
      if (!UNITS.contains(unit)) {
        throw new IllegalArgumentException("unit must be minutes, hours or days");
      }
    }
  }

  /**
   * Between two instants: {@code from <= occurredAt < to}, whatever the time now (an event dated
   * after now but inside the range counts, as with {@link Ever}). Its count changes only with new
   * data.
   *
   * @param from the start, included
   * @param to the end, excluded; after {@code from}
   */
  record Between(Instant from, Instant to) implements Window {
    /** Requires {@code from} before {@code to}. */
    public Between {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (!from.isBefore(to)) {
        throw new IllegalArgumentException("from must be before to");
      }
    }
  }
}
