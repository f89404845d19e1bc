package io.herald.segments.internal.sql;

import static io.herald.segments.api.condition.Operator.AFTER;
import static io.herald.segments.api.condition.Operator.BEFORE;
import static io.herald.segments.api.condition.Operator.WITHIN_LAST_DAYS;
import static io.herald.segments.api.condition.Operator.WITHIN_NEXT_DAYS;
import static io.herald.segments.api.condition.ZoneChoice.PERSON;
import static io.herald.segments.api.condition.ZoneChoice.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.condition.Operand;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Date operators in SQL: Unix seconds as numbers or digit strings, local midnights in the
 * workspace's and in each person's zone (computed in Java, so servers without time zone tables
 * agree), and the moving "within the last/next N days" ranges.
 */
class DateSqlIT extends SqlTestBase {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /**
   * A person whose {@code d} attribute is {@code date} (JSON) and {@code timezone} is {@code tz}.
   */
  private void person(String cioId, String tz, String date) {
    data.person(cioId, "{\"timezone\":" + tz + ",\"d\":" + date + "}");
  }

  private static String seconds(String instant) {
    return Long.toString(Instant.parse(instant).getEpochSecond());
  }

  private static Operand day(String date) {
    return new Operand.Day(LocalDate.parse(date));
  }

  private static Operand moment(String instant) {
    return new Operand.Moment(Instant.parse(instant));
  }

  @Test
  void datesAreUnixSecondsAsNumbersWithFractionsOrAsDigitStrings() {
    data.person("number", "{\"d\":1000.5}");
    data.person("digits", "{\"d\":\"1000\"}");
    data.person("negative", "{\"d\":-5}");
    for (String notADate : new String[] {"\"-5\"", "\"1e3\"", "\"12.5\"", "\" 12\"", "true"}) {
      data.person("not " + notADate, "{\"d\":" + notADate + "}");
    }
    data.person("iso", "{\"d\":\"1970-01-01T00:00:00Z\"}");

    assertThat(who(attr("d", BEFORE, moment("1970-01-01T00:16:40.5Z"))))
        .containsExactly("digits", "negative");
    assertThat(who(attr("d", AFTER, moment("1970-01-01T00:16:40.5Z")))).containsExactly("number");
    assertThat(who(attr("d", BEFORE, moment("1970-01-01T00:16:40.500000001Z"))))
        .containsExactly("digits", "negative", "number");
    assertThat(who(attr("d", AFTER, moment("1969-01-01T00:00:00Z"))))
        .containsExactly("digits", "negative", "number");
  }

  @Test
  void aDayReadsInTheWorkspaceZoneByDefault() {
    person("paris-late-28th", "null", seconds("2026-11-28T22:59:59Z"));
    person("paris-midnight-29th", "null", seconds("2026-11-28T23:00:00Z"));
    person("ny-midnight-29th", "null", seconds("2026-11-29T05:00:00Z"));

    assertThat(who(attr("d", BEFORE, day("2026-11-29")))).containsExactly("paris-late-28th");
    assertThat(who(attr("d", AFTER, day("2026-11-28"))))
        .containsExactly("ny-midnight-29th", "paris-midnight-29th");
    assertThat(who(attr("d", BEFORE, day("2026-11-29")), NOW, NEW_YORK))
        .containsExactly("paris-late-28th", "paris-midnight-29th");
    assertThat(who(attr("d", AFTER, day("2026-11-28")), NOW, NEW_YORK))
        .containsExactly("ny-midnight-29th");
  }

  @Test
  void aDayInThePersonsZoneUsesTheirTimezoneAttribute() {
    String justBeforeParisMidnight = seconds("2026-11-28T22:59:59Z");
    person("paris", "\"Europe/Paris\"", justBeforeParisMidnight);
    person("new-york", "\"America/New_York\"", justBeforeParisMidnight);
    person("kolkata", "\"Asia/Kolkata\"", seconds("2026-11-28T18:29:59Z"));
    person("kolkata-midnight", "\"Asia/Kolkata\"", seconds("2026-11-28T18:30:00Z"));

    var before29th = attr("d", BEFORE, day("2026-11-29"), PERSON);
    assertThat(who(before29th)).containsExactly("kolkata", "new-york", "paris");
    var after28th = attr("d", AFTER, day("2026-11-28"), PERSON);
    assertThat(who(after28th)).containsExactly("kolkata-midnight");
    // The same tree read in the workspace's zone ignores the attribute.
    assertThat(who(attr("d", AFTER, day("2026-11-28"), WORKSPACE), NOW, NEW_YORK)).isEmpty();
  }

  @Test
  void anUnknownMissingOrNonStringTimezoneFallsBackToTheWorkspaceZone() {
    String parisMidnight = seconds("2026-11-28T23:00:00Z");
    person("unknown", "\"Mars/Olympus\"", parisMidnight);
    person("offset", "\"+05:00\"", parisMidnight);
    person("lower-case", "\"europe/london\"", parisMidnight);
    person("number", "-5", parisMidnight);
    person("missing", "null", parisMidnight);
    person("london", "\"Europe/London\"", parisMidnight);

    assertThat(who(attr("d", AFTER, day("2026-11-28"), PERSON)))
        .containsExactly("lower-case", "missing", "number", "offset", "unknown");
    assertThat(who(attr("d", BEFORE, day("2026-11-29"), PERSON))).containsExactly("london");
  }

  @Test
  void withinTheLastDaysRunsFromLocalMidnightNDaysAgoUpToNowIncluded() {
    person("before-today", "null", seconds("2026-11-28T22:59:59Z"));
    person("today-start", "null", seconds("2026-11-28T23:00:00Z"));
    person("now", "null", seconds("2026-11-29T12:00:00Z"));
    person("future", "null", seconds("2026-11-29T12:00:01Z"));
    person("two-days-ago", "null", seconds("2026-11-26T23:00:00Z"));
    person("fraction-after-now", "null", seconds("2026-11-29T12:00:00Z") + ".001");

    assertThat(who(attr("d", WITHIN_LAST_DAYS, new Operand.Days(0))))
        .containsExactly("now", "today-start");
    assertThat(who(attr("d", WITHIN_LAST_DAYS, new Operand.Days(1))))
        .containsExactly("before-today", "now", "today-start");
    assertThat(who(attr("d", WITHIN_LAST_DAYS, new Operand.Days(2))))
        .containsExactly("before-today", "now", "today-start", "two-days-ago");
  }

  @Test
  void withinTheNextDaysRunsFromNowToTheLocalMidnightEndingDayN() {
    person("past", "null", seconds("2026-11-29T11:59:59Z"));
    person("now", "null", seconds("2026-11-29T12:00:00Z"));
    person("tonight", "null", seconds("2026-11-29T22:59:59Z"));
    person("tomorrow", "null", seconds("2026-11-29T23:00:00Z"));
    person("in-two-days-end", "null", seconds("2026-12-01T22:59:59Z"));

    assertThat(who(attr("d", WITHIN_NEXT_DAYS, new Operand.Days(0))))
        .containsExactly("now", "tonight");
    assertThat(who(attr("d", WITHIN_NEXT_DAYS, new Operand.Days(1))))
        .containsExactly("now", "tomorrow", "tonight");
    assertThat(who(attr("d", WITHIN_NEXT_DAYS, new Operand.Days(2))))
        .containsExactly("in-two-days-end", "now", "tomorrow", "tonight");
  }

  @Test
  void todayDependsOnThePersonsZoneAroundLocalMidnight() {
    // 04:30Z: already the 29th in Paris (05:30), still the 28th in New York (23:30).
    Instant now = Instant.parse("2026-11-29T04:30:00Z");
    String lateOn28thUtc = seconds("2026-11-28T22:00:00Z");
    person("paris", "\"Europe/Paris\"", lateOn28thUtc);
    person("new-york", "\"America/New_York\"", lateOn28thUtc);
    person("paris-tomorrow", "\"Europe/Paris\"", seconds("2026-11-29T22:59:59Z"));
    person("ny-tomorrow", "\"America/New_York\"", seconds("2026-11-29T22:59:59Z"));

    assertThat(who(attr("d", WITHIN_LAST_DAYS, new Operand.Days(0), PERSON), now, PARIS))
        .containsExactly("new-york");
    assertThat(who(attr("d", WITHIN_LAST_DAYS, new Operand.Days(0), WORKSPACE), now, NEW_YORK))
        .containsExactly("new-york", "paris");
    assertThat(who(attr("d", WITHIN_NEXT_DAYS, new Operand.Days(0), PERSON), now, PARIS))
        .containsExactly("paris-tomorrow");
    assertThat(who(attr("d", WITHIN_NEXT_DAYS, new Operand.Days(1), PERSON), now, PARIS))
        .containsExactly("ny-tomorrow", "paris-tomorrow");
  }

  @Test
  void aDayThatBeginsInADaylightSavingGapBeginsWhenTheGapEnds() {
    ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
    // Brazil moved its clocks from 00:00 to 01:00 on 2018-11-04: that day began at 01:00 (03:00Z).
    assertThat(LocalDate.parse("2018-11-04").atStartOfDay(saoPaulo).toInstant())
        .isEqualTo(Instant.parse("2018-11-04T03:00:00Z"));
    person("before", "\"America/Sao_Paulo\"", seconds("2018-11-04T02:59:59Z"));
    person("start", "\"America/Sao_Paulo\"", seconds("2018-11-04T03:00:00Z"));

    assertThat(who(attr("d", AFTER, day("2018-11-03"), PERSON))).containsExactly("start");
    assertThat(who(attr("d", BEFORE, day("2018-11-04"), PERSON))).containsExactly("before");
  }

  @Test
  void momentsDoNotDependOnAnyZone() {
    person("new-york", "\"America/New_York\"", seconds("2026-11-29T00:00:00Z"));
    person("paris", "\"Europe/Paris\"", seconds("2026-11-29T00:00:01Z"));

    assertThat(who(attr("d", BEFORE, moment("2026-11-29T00:00:01Z"), PERSON)))
        .containsExactly("new-york");
    assertThat(who(attr("d", AFTER, moment("2026-11-29T00:00:01Z"), PERSON)))
        .containsExactly("paris");
  }
}
