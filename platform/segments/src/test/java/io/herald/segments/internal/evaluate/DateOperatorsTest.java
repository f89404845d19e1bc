package io.herald.segments.internal.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.condition.AttributeCondition;
import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Operand;
import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.ZoneChoice;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Date operators on a person attribute: value forms, local midnights in the workspace's and the
 * person's zone, daylight-saving days, and when "within the last/next N days" next changes.
 */
class DateOperatorsTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
  private static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z"); // 11:00 in Paris

  private final PersonEvaluator evaluator = new DefaultPersonEvaluator();

  private Evaluation evaluate(String valueJson, Match match, Instant now, ZoneId workspace) {
    return evaluate("{'d':" + valueJson + "}", "d", match, now, workspace);
  }

  private Evaluation evaluate(
      String attributes, String attribute, Match match, Instant now, ZoneId workspace) {
    return evaluator.evaluate(
        new AttributeCondition(attribute, match),
        Facts.person().attributes(attributes).build(),
        now,
        workspace);
  }

  private static String seconds(Instant instant) {
    return Long.toString(instant.getEpochSecond());
  }

  private static String quoted(Instant instant) {
    return "'" + instant.getEpochSecond() + "'";
  }

  private static Match before(Operand operand) {
    return Match.of(Operator.BEFORE, operand);
  }

  private static Match after(Operand operand) {
    return Match.of(Operator.AFTER, operand);
  }

  private static Match withinLast(int days, ZoneChoice zone) {
    return new Match(Operator.WITHIN_LAST_DAYS, new Operand.Days(days), zone);
  }

  private static Match withinNext(int days, ZoneChoice zone) {
    return new Match(Operator.WITHIN_NEXT_DAYS, new Operand.Days(days), zone);
  }

  @Nested
  class BeforeAndAfterAMoment {
    private final Instant moment = Instant.parse("2026-01-01T00:00:00Z");
    private final Operand operand = new Operand.Moment(moment);

    @Test
    void beforeIsStrictlyEarlier() {
      assertThat(evaluate(seconds(moment.minusSeconds(1)), before(operand), NOW, PARIS).matches())
          .isTrue();
      assertThat(evaluate(seconds(moment), before(operand), NOW, PARIS).matches()).isFalse();
      assertThat(evaluate(quoted(moment.minusSeconds(1)), before(operand), NOW, PARIS).matches())
          .isTrue();
      assertThat(evaluate("-5", before(operand), NOW, PARIS).matches()).isTrue();
    }

    @Test
    void afterIncludesTheMoment() {
      assertThat(evaluate(seconds(moment), after(operand), NOW, PARIS).matches()).isTrue();
      assertThat(evaluate(quoted(moment), after(operand), NOW, PARIS).matches()).isTrue();
      assertThat(evaluate(seconds(moment.minusSeconds(1)), after(operand), NOW, PARIS).matches())
          .isFalse();
    }

    @Test
    void fractionalSecondsCompareExactly() {
      long s = moment.getEpochSecond();
      assertThat(evaluate((s - 1) + ".5", after(operand), NOW, PARIS).matches()).isFalse();
      assertThat(evaluate((s - 1) + ".5", before(operand), NOW, PARIS).matches()).isTrue();
      assertThat(evaluate(s + ".000000001", after(operand), NOW, PARIS).matches()).isTrue();
      assertThat(evaluate("1.7e9", before(operand), NOW, PARIS).matches()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "'-5'",
          "'1767225599.5'",
          "' 1767225599'",
          "'2025-12-31'",
          "true",
          "null",
          "[1]",
          "{}",
          "'abc'"
        })
    void otherValuesNeverMatchADateOperator(String value) {
      assertThat(evaluate(value, before(operand), NOW, PARIS).matches()).isFalse();
      assertThat(evaluate(value, after(operand), NOW, PARIS).matches()).isFalse();
      assertThat(evaluate(value, withinLast(100_000, ZoneChoice.WORKSPACE), NOW, PARIS).matches())
          .isFalse();
    }

    @Test
    void missingAttributesNeverMatch() {
      assertThat(evaluate("{}", "d", before(operand), NOW, PARIS).matches()).isFalse();
      assertThat(evaluate("{}", "d", after(operand), NOW, PARIS).matches()).isFalse();
    }

    @Test
    void hugeValuesCompareWithoutOverflow() {
      assertThat(evaluate("1e30", after(operand), NOW, PARIS).matches()).isTrue();
      assertThat(evaluate("'99999999999999999999999'", after(operand), NOW, PARIS).matches())
          .isTrue();
      Evaluation next = evaluate("1e30", withinNext(10, ZoneChoice.WORKSPACE), NOW, PARIS);
      assertThat(next.matches()).isFalse();
      assertThat(next.recheckAt()).isEmpty();
      Evaluation last = evaluate("1e30", withinLast(10, ZoneChoice.WORKSPACE), NOW, PARIS);
      assertThat(last.matches()).isFalse();
      assertThat(last.recheckAt()).isEmpty();
    }

    @Test
    void fixedDatesNeverNeedARecheck() {
      assertThat(evaluate(seconds(moment), after(operand), NOW, PARIS).recheckAt()).isEmpty();
      assertThat(evaluate(seconds(NOW.plusSeconds(60)), before(operand), NOW, PARIS).recheckAt())
          .isEmpty();
    }
  }

  @Nested
  class BeforeAndAfterADay {
    private final Operand tenthOfMarch = new Operand.Day(LocalDate.of(2026, 3, 10));

    @Test
    void beforeADayIsBeforeItsLocalMidnightInTheWorkspaceZone() {
      Instant parisMidnight = Instant.parse("2026-03-09T23:00:00Z");
      assertThat(
              evaluate(seconds(parisMidnight.minusSeconds(1)), before(tenthOfMarch), NOW, PARIS)
                  .matches())
          .isTrue();
      assertThat(evaluate(seconds(parisMidnight), before(tenthOfMarch), NOW, PARIS).matches())
          .isFalse();
    }

    @Test
    void afterADayIsFromTheMidnightEndingIt() {
      Instant endOfTenthInParis = Instant.parse("2026-03-10T23:00:00Z");
      assertThat(evaluate(seconds(endOfTenthInParis), after(tenthOfMarch), NOW, PARIS).matches())
          .isTrue();
      assertThat(
              evaluate(seconds(endOfTenthInParis.minusSeconds(1)), after(tenthOfMarch), NOW, PARIS)
                  .matches())
          .isFalse();
    }

    @Test
    void theSameInstantIsOnDifferentDaysInParisAndLosAngeles() {
      // 06:30Z is 07:30 on the 10th in Paris, 23:30 on the 9th in Los Angeles (PDT since the 8th).
      String value = seconds(Instant.parse("2026-03-10T06:30:00Z"));
      assertThat(evaluate(value, before(tenthOfMarch), NOW, PARIS).matches()).isFalse();
      assertThat(evaluate(value, before(tenthOfMarch), NOW, LOS_ANGELES).matches()).isTrue();
      // Los Angeles' 10th starts at 07:00Z: one second either side.
      String justBefore = seconds(Instant.parse("2026-03-10T06:59:59Z"));
      String atMidnight = seconds(Instant.parse("2026-03-10T07:00:00Z"));
      assertThat(evaluate(justBefore, before(tenthOfMarch), NOW, LOS_ANGELES).matches()).isTrue();
      assertThat(evaluate(atMidnight, before(tenthOfMarch), NOW, LOS_ANGELES).matches()).isFalse();
    }

    @Test
    void thePersonsTimezoneOverridesTheWorkspaceZoneWhenAsked() {
      String value = seconds(Instant.parse("2026-03-10T06:30:00Z"));
      String attributes = "{'d':" + value + ",'timezone':'America/Los_Angeles'}";
      Match inPersonZone = new Match(Operator.BEFORE, tenthOfMarch, ZoneChoice.PERSON);
      Match inWorkspaceZone = new Match(Operator.BEFORE, tenthOfMarch, ZoneChoice.WORKSPACE);
      assertThat(evaluate(attributes, "d", inPersonZone, NOW, PARIS).matches()).isTrue();
      assertThat(evaluate(attributes, "d", inWorkspaceZone, NOW, PARIS).matches()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "'Mars/Olympus'",
          "'america/los_angeles'",
          "' America/Los_Angeles'",
          "'-07:00'",
          "'UTC-7'",
          "-7",
          "null",
          "['America/Los_Angeles']"
        })
    void anUnknownPersonTimezoneFallsBackToTheWorkspaceZone(String timezone) {
      String value = seconds(Instant.parse("2026-03-10T06:30:00Z"));
      String attributes = "{'d':" + value + ",'timezone':" + timezone + "}";
      Match inPersonZone = new Match(Operator.BEFORE, tenthOfMarch, ZoneChoice.PERSON);
      assertThat(evaluate(attributes, "d", inPersonZone, NOW, PARIS).matches()).isFalse();
      assertThat(evaluate(attributes, "d", inPersonZone, NOW, LOS_ANGELES).matches()).isTrue();
    }

    @Test
    void aDayStartingInADaylightSavingGapStartsWhenTheGapEnds() {
      // Havana skips from 00:00 to 01:00 on 2026-03-08: the day starts at 01:00 -04:00 = 05:00Z.
      ZoneId havana = ZoneId.of("America/Havana");
      Operand eighth = new Operand.Day(LocalDate.of(2026, 3, 8));
      Instant start = Instant.parse("2026-03-08T05:00:00Z");
      assertThat(evaluate(seconds(start.minusSeconds(1)), before(eighth), NOW, havana).matches())
          .isTrue();
      assertThat(evaluate(seconds(start), before(eighth), NOW, havana).matches()).isFalse();
    }
  }

  @Nested
  class WithinTheLastDays {
    private final Match today = withinLast(0, ZoneChoice.WORKSPACE);
    private final Match lastWeek = withinLast(7, ZoneChoice.WORKSPACE);

    @Test
    void zeroDaysIsTodaySoFarInclusive() {
      Instant parisMidnight = Instant.parse("2026-03-09T23:00:00Z");
      assertThat(evaluate(seconds(parisMidnight), today, NOW, PARIS).matches()).isTrue();
      assertThat(evaluate(seconds(parisMidnight.minusSeconds(1)), today, NOW, PARIS).matches())
          .isFalse();
      assertThat(evaluate(seconds(NOW), today, NOW, PARIS).matches()).isTrue();
      assertThat(evaluate(seconds(NOW.plusSeconds(1)), today, NOW, PARIS).matches()).isFalse();
    }

    @Test
    void sevenDaysStartsAtTheMidnightSevenDaysBeforeToday() {
      Instant start = Instant.parse("2026-03-02T23:00:00Z"); // 3 March, 00:00 in Paris
      assertThat(evaluate(seconds(start), lastWeek, NOW, PARIS).matches()).isTrue();
      assertThat(evaluate(quoted(start), lastWeek, NOW, PARIS).matches()).isTrue();
      assertThat(evaluate(seconds(start.minusSeconds(1)), lastWeek, NOW, PARIS).matches())
          .isFalse();
    }

    @Test
    void aroundLocalMidnightInTwoZones() {
      // 06:00Z: Paris is at 07:00 on the 10th, Los Angeles at 23:00 on the 9th.
      Instant now = Instant.parse("2026-03-10T06:00:00Z");
      String lateOnTheNinthUtc = seconds(Instant.parse("2026-03-09T22:30:00Z"));
      assertThat(evaluate(lateOnTheNinthUtc, today, now, PARIS).matches()).isFalse();
      assertThat(evaluate(lateOnTheNinthUtc, today, now, LOS_ANGELES).matches()).isTrue();
      // An hour and a second later Los Angeles is on the 10th too.
      Instant laMidnight = Instant.parse("2026-03-10T07:00:00Z");
      assertThat(evaluate(lateOnTheNinthUtc, today, laMidnight, LOS_ANGELES).matches()).isFalse();
      assertThat(
              evaluate(lateOnTheNinthUtc, today, laMidnight.minusNanos(1), LOS_ANGELES).matches())
          .isTrue();
    }

    @Test
    void thePersonsTimezoneDecidesWhenChosen() {
      Instant now = Instant.parse("2026-03-10T06:00:00Z");
      String value = seconds(Instant.parse("2026-03-09T22:30:00Z"));
      Match personToday = withinLast(0, ZoneChoice.PERSON);
      String inLosAngeles = "{'d':" + value + ",'timezone':'America/Los_Angeles'}";
      String inParis = "{'d':" + value + ",'timezone':'Europe/Paris'}";
      assertThat(evaluate(inLosAngeles, "d", personToday, now, PARIS).matches()).isTrue();
      assertThat(evaluate(inParis, "d", personToday, now, LOS_ANGELES).matches()).isFalse();
      assertThat(evaluate(inParis, "d", today, now, LOS_ANGELES).matches()).isTrue();
    }

    @Test
    void aDateInTheRangeLeavesAtTheMidnightEndingItsLastDay() {
      Instant value = Instant.parse("2026-03-10T08:00:00Z");
      Evaluation now = evaluate(seconds(value), today, NOW, PARIS);
      Instant endOfTodayInParis = Instant.parse("2026-03-10T23:00:00Z");
      assertThat(now.matches()).isTrue();
      assertThat(now.recheckAt()).contains(endOfTodayInParis);
      assertThat(evaluate(seconds(value), today, endOfTodayInParis.minusNanos(1), PARIS).matches())
          .isTrue();
      Evaluation then = evaluate(seconds(value), today, endOfTodayInParis, PARIS);
      assertThat(then.matches()).isFalse();
      assertThat(then.recheckAt()).isEmpty();

      Evaluation week = evaluate(seconds(value), lastWeek, NOW, PARIS);
      assertThat(week.recheckAt()).contains(Instant.parse("2026-03-17T23:00:00Z"));
      assertThat(evaluate(seconds(value), lastWeek, week.recheckAt().get(), PARIS).matches())
          .isFalse();
    }

    @Test
    void aFutureDateEntersWhenNowReachesIt() {
      Instant value = NOW.plusSeconds(3600);
      Evaluation now = evaluate(seconds(value), lastWeek, NOW, PARIS);
      assertThat(now.matches()).isFalse();
      assertThat(now.recheckAt()).contains(value);
      assertThat(evaluate(seconds(value), lastWeek, value, PARIS).matches()).isTrue();

      Evaluation fractional = evaluate(value.getEpochSecond() + ".25", lastWeek, NOW, PARIS);
      assertThat(fractional.recheckAt()).contains(value.plusMillis(250));
    }

    @Test
    void aDateBeforeTheRangeNeverReturns() {
      Evaluation old = evaluate(seconds(NOW.minus(Duration.ofDays(30))), lastWeek, NOW, PARIS);
      assertThat(old.matches()).isFalse();
      assertThat(old.recheckAt()).isEmpty();
    }

    @Test
    void daylightSavingDaysKeepCalendarArithmetic() {
      // Paris springs forward on 29 March 2026: that day starts at 23:00Z, the next at 22:00Z.
      Instant now = Instant.parse("2026-03-30T12:00:00Z");
      Match yesterdayAndToday = withinLast(1, ZoneChoice.WORKSPACE);
      Instant start = Instant.parse("2026-03-28T23:00:00Z");
      assertThat(evaluate(seconds(start), yesterdayAndToday, now, PARIS).matches()).isTrue();
      assertThat(evaluate(seconds(start.minusSeconds(1)), yesterdayAndToday, now, PARIS).matches())
          .isFalse();

      // A date early on the 23-hour day leaves at 22:00Z, not 23:00Z.
      Instant early = Instant.parse("2026-03-29T00:30:00Z");
      Evaluation shortDay =
          evaluate(seconds(early), today, Instant.parse("2026-03-29T10:00:00Z"), PARIS);
      assertThat(shortDay.recheckAt()).contains(Instant.parse("2026-03-29T22:00:00Z"));

      // Santiago falls back at midnight on 5 April 2026: 4 April lasts 25 hours, to 04:00Z.
      ZoneId santiago = ZoneId.of("America/Santiago");
      Instant onTheFourth = Instant.parse("2026-04-04T12:00:00Z");
      Evaluation longDay = evaluate(seconds(onTheFourth), today, onTheFourth, santiago);
      assertThat(longDay.recheckAt()).contains(Instant.parse("2026-04-05T04:00:00Z"));
      assertThat(
              evaluate(seconds(onTheFourth), today, Instant.parse("2026-04-05T03:30:00Z"), santiago)
                  .matches())
          .isTrue();
    }
  }

  @Nested
  class WithinTheNextDays {
    private final Match restOfToday = withinNext(0, ZoneChoice.WORKSPACE);
    private final Match tomorrowToo = withinNext(1, ZoneChoice.WORKSPACE);

    @Test
    void zeroDaysIsTheRestOfToday() {
      Instant endOfToday = Instant.parse("2026-03-10T23:00:00Z");
      assertThat(evaluate(seconds(NOW), restOfToday, NOW, PARIS).matches()).isTrue();
      assertThat(evaluate(seconds(endOfToday.minusSeconds(1)), restOfToday, NOW, PARIS).matches())
          .isTrue();
      assertThat(evaluate(seconds(endOfToday), restOfToday, NOW, PARIS).matches()).isFalse();
      assertThat(evaluate(seconds(NOW.minusSeconds(1)), restOfToday, NOW, PARIS).matches())
          .isFalse();
    }

    @Test
    void oneDayEndsAtTheMidnightEndingTomorrow() {
      Instant end = Instant.parse("2026-03-11T23:00:00Z");
      assertThat(evaluate(seconds(end.minusSeconds(1)), tomorrowToo, NOW, PARIS).matches())
          .isTrue();
      assertThat(evaluate(seconds(end), tomorrowToo, NOW, PARIS).matches()).isFalse();
      assertThat(evaluate(seconds(end), tomorrowToo, NOW, LOS_ANGELES).matches()).isTrue();
    }

    @Test
    void aDateInTheRangeLeavesJustAfterNowPassesIt() {
      Instant value = NOW.plusSeconds(7200);
      Evaluation now = evaluate(seconds(value), tomorrowToo, NOW, PARIS);
      assertThat(now.matches()).isTrue();
      assertThat(now.recheckAt()).contains(value.plusNanos(1));
      assertThat(evaluate(seconds(value), tomorrowToo, value, PARIS).matches()).isTrue();
      Evaluation then = evaluate(seconds(value), tomorrowToo, value.plusNanos(1), PARIS);
      assertThat(then.matches()).isFalse();
      assertThat(then.recheckAt()).isEmpty();
    }

    @Test
    void aDateBeyondTheRangeEntersAtTheMidnightNDaysBeforeItsDay() {
      Instant value = Instant.parse("2026-03-14T12:00:00Z");
      Evaluation now = evaluate(seconds(value), tomorrowToo, NOW, PARIS);
      Instant enters = Instant.parse("2026-03-12T23:00:00Z"); // 13 March, 00:00 in Paris
      assertThat(now.matches()).isFalse();
      assertThat(now.recheckAt()).contains(enters);
      assertThat(evaluate(seconds(value), tomorrowToo, enters.minusNanos(1), PARIS).matches())
          .isFalse();
      assertThat(evaluate(seconds(value), tomorrowToo, enters, PARIS).matches()).isTrue();
      assertThat(evaluate(seconds(value), tomorrowToo, NOW, LOS_ANGELES).recheckAt())
          .contains(Instant.parse("2026-03-13T07:00:00Z"));
    }

    @Test
    void aPastDateNeverReturns() {
      Evaluation past = evaluate(seconds(NOW.minusSeconds(1)), tomorrowToo, NOW, PARIS);
      assertThat(past.matches()).isFalse();
      assertThat(past.recheckAt()).isEqualTo(Optional.empty());
    }
  }
}
