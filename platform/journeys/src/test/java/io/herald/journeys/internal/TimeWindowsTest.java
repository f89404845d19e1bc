package io.herald.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class TimeWindowsTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final TimeWindows WEEKDAYS_9_TO_17 =
      new TimeWindows(
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          LocalTime.of(9, 0),
          LocalTime.of(17, 0));

  @Test
  void insideTheWindowIsNow() {
    Instant tuesdayNoon = Instant.parse("2026-03-24T11:00:00Z"); // 12:00 CET
    assertThat(WEEKDAYS_9_TO_17.nextOpen(tuesdayNoon, BERLIN)).isEqualTo(tuesdayNoon);
  }

  @Test
  void aWeekendWaitsForMondayMorningAcrossTheSpringForwardChange() {
    // Saturday 28 March 2026, 20:00 CET; Berlin moves to CEST on Sunday 29 March at 02:00.
    Instant saturday = Instant.parse("2026-03-28T19:00:00Z");
    // Monday 30 March 09:00 CEST is 07:00 UTC, not 08:00.
    assertThat(WEEKDAYS_9_TO_17.nextOpen(saturday, BERLIN))
        .isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
  }

  @Test
  void afterClosingWaitsForTheNextDay() {
    Instant fridayEvening = Instant.parse("2026-10-23T16:30:00Z"); // 18:30 CEST
    assertThat(WEEKDAYS_9_TO_17.nextOpen(fridayEvening, BERLIN))
        .isEqualTo(Instant.parse("2026-10-26T08:00:00Z")); // Monday 09:00 CET, after fall back
  }

  @Test
  void aStartInsideTheSpringGapMovesToTheFirstValidInstant() {
    TimeWindows sundayNight =
        new TimeWindows(EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30), LocalTime.of(4, 0));
    Instant saturday = Instant.parse("2026-03-28T12:00:00Z");
    // 02:30 does not exist on 29 March in Berlin: 03:30 CEST = 01:30 UTC.
    assertThat(sundayNight.nextOpen(saturday, BERLIN))
        .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
  }

  @Test
  void anOvernightWindowOpenedYesterdayIsStillOpen() {
    TimeWindows nights =
        new TimeWindows(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(22, 0), LocalTime.of(6, 0));
    Instant tuesdayThreeAm = Instant.parse("2026-11-24T02:00:00Z"); // 03:00 CET Tuesday
    assertThat(nights.nextOpen(tuesdayThreeAm, BERLIN)).isEqualTo(tuesdayThreeAm);
  }
}
