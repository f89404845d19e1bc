package io.herald.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.journeys.api.TriggerDetails.DateTrigger;
import io.herald.shared.json.Jsons;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DateMathTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

  private static Optional<Instant> next(DateTrigger t, JsonValue v, ZoneId zone) {
    return DateMath.next(t, v, zone, FROM);
  }

  @Test
  void readsUnixSecondsIsoDatesAndDateTimes() {
    DateTrigger same = new DateTrigger("d", 0, 0, null, false);
    Instant at = Instant.parse("2026-03-01T12:34:56Z");
    assertThat(next(same, Jsons.createValue(at.getEpochSecond()), BERLIN)).contains(at);
    assertThat(next(same, Jsons.createValue(new BigDecimal("1772368496.75")), BERLIN)).contains(at);
    assertThat(next(same, Jsons.createValue(Long.toString(at.getEpochSecond())), BERLIN))
        .contains(at);
    assertThat(next(same, Jsons.createValue("2026-03-01T13:34:56+01:00"), BERLIN)).contains(at);
    assertThat(next(same, Jsons.createValue("2026-03-01T12:34:56Z"), BERLIN)).contains(at);
    // A local date-time and a plain date are read in the person's zone.
    assertThat(next(same, Jsons.createValue("2026-03-01T13:34:56"), BERLIN)).contains(at);
    assertThat(next(same, Jsons.createValue("2026-03-01"), BERLIN))
        .contains(Instant.parse("2026-02-28T23:00:00Z"));
    for (JsonValue junk :
        new JsonValue[] {
          Jsons.createValue("soon"),
          Jsons.createValue("2026-13-01"),
          JsonValue.TRUE,
          Jsons.createObjectBuilder().build()
        }) {
      assertThat(next(same, junk, BERLIN)).isEmpty();
    }
    // Past the start: no occurrence.
    assertThat(next(same, Jsons.createValue("2025-12-31"), ZoneOffset.UTC)).isEmpty();
  }

  @Test
  void daysMoveTheLocalDateAndHoursTheInstant() {
    JsonValue date = Jsons.createValue("2026-03-31");
    // Three days before, at 09:00 Berlin: 28 March is still winter time (UTC+1).
    assertThat(next(new DateTrigger("d", -3, 0, LocalTime.of(9, 0), false), date, BERLIN))
        .contains(Instant.parse("2026-03-28T08:00:00Z"));
    // Two days before, on the DST change day 29 March at 02:30 (a gap): moved forward an hour.
    assertThat(next(new DateTrigger("d", -2, 0, LocalTime.of(2, 30), false), date, BERLIN))
        .contains(Instant.parse("2026-03-29T01:30:00Z"));
    assertThat(next(new DateTrigger("d", 0, 6, null, false), date, BERLIN))
        .contains(Instant.parse("2026-03-31T04:00:00Z"));
  }

  @Test
  void yearlyDatesComeEveryYearEvenWithALongOffset() {
    JsonValue birthday = Jsons.createValue("1990-06-15");
    assertThat(next(new DateTrigger("b", 0, 0, LocalTime.NOON, true), birthday, ZoneOffset.UTC))
        .contains(Instant.parse("2026-06-15T12:00:00Z"));
    assertThat(next(new DateTrigger("b", -400, 0, LocalTime.NOON, true), birthday, ZoneOffset.UTC))
        .contains(Instant.parse("2026-05-11T12:00:00Z"));
    // Not before the date itself: a birthday in 2030 first comes in 2030.
    assertThat(
            next(
                new DateTrigger("b", 0, 0, null, true),
                Jsons.createValue("2030-06-15"),
                ZoneOffset.UTC))
        .contains(Instant.parse("2030-06-15T00:00:00Z"));
  }
}
