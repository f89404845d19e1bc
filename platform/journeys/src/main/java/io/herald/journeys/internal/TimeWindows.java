package io.herald.journeys.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The next instant inside a weekly window (chosen weekdays, from a local time to another, in a
 * zone). Local times are resolved with {@link ZonedDateTime#of}: a start in a DST gap moves to the
 * first valid instant after it, an overlap takes the earlier offset, so days of 23 or 25 hours are
 * handled by java.time.
 *
 * @param days the weekdays the window is open
 * @param from opening time (inclusive)
 * @param to closing time (exclusive); before {@code from} means the window runs past midnight into
 *     the next day
 */
record TimeWindows(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

  /** {@code now} when inside the window, else its next opening. */
  Instant nextOpen(Instant now, ZoneId zone) {
    ZonedDateTime local = now.atZone(zone);
    LocalDate today = local.toLocalDate();
    // An overnight window opened yesterday may still be open.
    for (int back = 1; back >= 0; back--) {
      LocalDate day = today.minusDays(back);
      if (days.contains(day.getDayOfWeek())) {
        Instant open = ZonedDateTime.of(day, from, zone).toInstant();
        LocalDate closeDay = to.isAfter(from) ? day : day.plusDays(1);
        Instant close = ZonedDateTime.of(closeDay, to, zone).toInstant();
        if (!now.isBefore(open) && now.isBefore(close)) {
          return now;
        }
      }
    }
    for (int ahead = 0; ahead <= 7; ahead++) {
      LocalDate day = today.plusDays(ahead);
      if (days.contains(day.getDayOfWeek())) {
        Instant open = ZonedDateTime.of(day, from, zone).toInstant();
        if (!open.isBefore(now)) {
          return open;
        }
      }
    }
    // Unreachable with at least one day: the loop covers a whole week after today.
    throw new IllegalStateException("time window without days");
  }
}
