package io.herald.segments.internal.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.condition.Count;
import io.herald.segments.api.condition.Count.Comparison;
import io.herald.segments.api.condition.EventCondition;
import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Operand;
import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.PropertyMatch;
import io.herald.segments.api.condition.Window;
import io.herald.segments.api.condition.ZoneChoice;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Event leaves: names, counts, windows and their edges, filters, negation and window expiry. */
class EventConditionTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  private static final ZoneId ZONE = ZoneId.of("Europe/Paris");
  private static final Window EVER = new Window.Ever();
  private static final Window SEVEN_DAYS = new Window.Last(7, ChronoUnit.DAYS);

  private final PersonEvaluator evaluator = new DefaultPersonEvaluator();

  private Evaluation evaluate(EventCondition leaf, Facts person, Instant now) {
    return evaluator.evaluate(leaf, person.build(), now, ZONE);
  }

  private static EventCondition performed(String name, Count count, Window window) {
    return new EventCondition(name, true, count, window, List.of());
  }

  private static EventCondition where(String name, Window window, PropertyMatch... filters) {
    return new EventCondition(name, true, Count.atLeastOnce(), window, List.of(filters));
  }

  private static PropertyMatch property(String name, Operator operator, Operand operand) {
    return new PropertyMatch(name, Match.of(operator, operand));
  }

  @Nested
  class NamesAndCounts {

    @Test
    void onlyEventsOfTheExactNameCount() {
      EventCondition login = performed("login", Count.atLeastOnce(), EVER);
      assertThat(evaluate(login, Facts.person(), NOW).matches()).isFalse();
      assertThat(evaluate(login, Facts.person().event("logout", NOW), NOW).matches()).isFalse();
      assertThat(evaluate(login, Facts.person().event("Login", NOW), NOW).matches()).isFalse();
      assertThat(evaluate(login, Facts.person().event("login", NOW), NOW).matches()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} with {2} events -> {3}")
    @CsvSource({
      "AT_LEAST, 2, 1, false",
      "AT_LEAST, 2, 2, true",
      "AT_LEAST, 2, 3, true",
      "AT_LEAST, 0, 0, true",
      "AT_MOST, 2, 1, true",
      "AT_MOST, 2, 2, true",
      "AT_MOST, 2, 3, false",
      "AT_MOST, 0, 0, true",
      "AT_MOST, 0, 1, false",
      "EXACTLY, 2, 1, false",
      "EXACTLY, 2, 2, true",
      "EXACTLY, 2, 3, false",
      "EXACTLY, 0, 0, true",
      "EXACTLY, 0, 1, false"
    })
    void countsCompare(Comparison comparison, int times, int events, boolean expected) {
      Facts person = Facts.person().event("other", NOW);
      for (int i = 0; i < events; i++) {
        person.event("purchase", NOW.minusSeconds(60L * i));
      }
      EventCondition leaf = performed("purchase", new Count(comparison, times), EVER);
      Evaluation result = evaluate(leaf, person, NOW);
      assertThat(result.matches()).isEqualTo(expected);
      assertThat(result.recheckAt()).isEmpty();

      EventCondition negated =
          new EventCondition("purchase", false, new Count(comparison, times), EVER, List.of());
      assertThat(evaluate(negated, person, NOW).matches()).isEqualTo(!expected);
    }

    @Test
    void notPerformedNegatesTheWholeLeaf() {
      EventCondition notThreeTimes =
          new EventCondition("login", false, new Count(Comparison.AT_LEAST, 3), EVER, List.of());
      Facts twice = Facts.person().event("login", NOW).event("login", NOW);
      assertThat(evaluate(notThreeTimes, twice, NOW).matches()).isTrue();
      assertThat(evaluate(notThreeTimes, twice.event("login", NOW), NOW).matches()).isFalse();
      EventCondition never =
          new EventCondition("login", false, Count.atLeastOnce(), EVER, List.of());
      assertThat(evaluate(never, Facts.person(), NOW).matches()).isTrue();
    }
  }

  @Nested
  class Windows {

    @Test
    void lastExcludesItsStartAndIncludesNow() {
      EventCondition leaf = performed("login", Count.atLeastOnce(), SEVEN_DAYS);
      Instant start = NOW.minus(Duration.ofDays(7));
      assertThat(evaluate(leaf, Facts.person().event("login", start), NOW).matches()).isFalse();
      assertThat(evaluate(leaf, Facts.person().event("login", start.plusNanos(1)), NOW).matches())
          .isTrue();
      assertThat(evaluate(leaf, Facts.person().event("login", NOW), NOW).matches()).isTrue();
    }

    @Test
    void lastDoesNotCountFutureEventsYet() {
      EventCondition leaf = performed("login", Count.atLeastOnce(), SEVEN_DAYS);
      Evaluation result = evaluate(leaf, Facts.person().event("login", NOW.plusNanos(1)), NOW);
      assertThat(result.matches()).isFalse();
      assertThat(result.recheckAt()).contains(NOW.plusNanos(1));
    }

    @ParameterizedTest(name = "last {0} {1}")
    @CsvSource({"30, MINUTES, 1800", "2, HOURS, 7200", "1, DAYS, 86400"})
    void lastSupportsMinutesHoursAndDays(long amount, ChronoUnit unit, long seconds) {
      EventCondition leaf = performed("ping", Count.atLeastOnce(), new Window.Last(amount, unit));
      Instant edge = NOW.minusSeconds(seconds);
      assertThat(evaluate(leaf, Facts.person().event("ping", edge), NOW).matches()).isFalse();
      Evaluation inside = evaluate(leaf, Facts.person().event("ping", edge.plusSeconds(1)), NOW);
      assertThat(inside.matches()).isTrue();
      assertThat(inside.recheckAt()).contains(NOW.plusSeconds(1));
    }

    @Test
    void betweenIncludesFromAndExcludesTo() {
      Instant from = Instant.parse("2026-02-01T00:00:00Z");
      Instant to = Instant.parse("2026-03-01T00:00:00Z");
      EventCondition leaf = performed("order", Count.atLeastOnce(), new Window.Between(from, to));
      assertThat(evaluate(leaf, Facts.person().event("order", from), NOW).matches()).isTrue();
      assertThat(evaluate(leaf, Facts.person().event("order", from.minusNanos(1)), NOW).matches())
          .isFalse();
      assertThat(evaluate(leaf, Facts.person().event("order", to.minusNanos(1)), NOW).matches())
          .isTrue();
      assertThat(evaluate(leaf, Facts.person().event("order", to), NOW).matches()).isFalse();
    }

    @Test
    void betweenAndEverDoNotDependOnTheClock() {
      Instant from = NOW.plus(Duration.ofDays(1));
      Instant to = NOW.plus(Duration.ofDays(2));
      Instant futureEvent = from.plusSeconds(60);
      Facts person = Facts.person().event("order", futureEvent);
      EventCondition between =
          performed("order", Count.atLeastOnce(), new Window.Between(from, to));
      EventCondition ever = performed("order", Count.atLeastOnce(), EVER);
      for (EventCondition leaf : List.of(between, ever)) {
        Evaluation result = evaluate(leaf, person, NOW);
        assertThat(result.matches()).as("future-dated events count").isTrue();
        assertThat(result.recheckAt()).isEmpty();
      }
    }
  }

  @Nested
  class Filters {

    @Test
    void everyFilterMustMatchTheSameEvent() {
      EventCondition leaf =
          where(
              "purchase",
              EVER,
              property("plan", Operator.EQUALS, new Operand.Text("pro")),
              property("amount", Operator.GREATER_THAN, new Operand.Number(BigDecimal.TEN)));
      assertThat(
              evaluate(
                      leaf,
                      Facts.person().event("purchase", NOW, "{'plan':'pro','amount':11}"),
                      NOW)
                  .matches())
          .isTrue();
      Facts split =
          Facts.person()
              .event("purchase", NOW, "{'plan':'pro','amount':9}")
              .event("purchase", NOW, "{'plan':'free','amount':11}");
      assertThat(evaluate(leaf, split, NOW).matches()).isFalse();
      assertThat(
              evaluate(
                      leaf,
                      Facts.person().event("purchase", NOW, "{'plan':'pro','amount':'11'}"),
                      NOW)
                  .matches())
          .isTrue();
    }

    @Test
    void missingPropertiesMatchOnlyNotExistsAndNotEquals() {
      Facts person = Facts.person().event("purchase", NOW, "{'plan':null}");
      assertThat(
              evaluate(
                      where(
                          "purchase",
                          EVER,
                          property("plan", Operator.NOT_EXISTS, new Operand.None())),
                      person,
                      NOW)
                  .matches())
          .isTrue();
      assertThat(
              evaluate(
                      where(
                          "purchase",
                          EVER,
                          property("plan", Operator.NOT_EQUALS, new Operand.Text("pro"))),
                      person,
                      NOW)
                  .matches())
          .isTrue();
      assertThat(
              evaluate(
                      where(
                          "purchase",
                          EVER,
                          property("coupon", Operator.EXISTS, new Operand.None())),
                      person,
                      NOW)
                  .matches())
          .isFalse();
      assertThat(
              evaluate(
                      where(
                          "purchase",
                          EVER,
                          property("plan", Operator.CONTAINS, new Operand.Text(""))),
                      person,
                      NOW)
                  .matches())
          .isFalse();
    }

    @Test
    void countsOnlyMatchingEvents() {
      EventCondition twoPro =
          new EventCondition(
              "purchase",
              true,
              new Count(Comparison.EXACTLY, 2),
              EVER,
              List.of(property("plan", Operator.EQUALS, new Operand.Text("pro"))));
      Facts person =
          Facts.person()
              .event("purchase", NOW, "{'plan':'pro'}")
              .event("purchase", NOW, "{'plan':'free'}")
              .event("purchase", NOW, "{'plan':'pro'}");
      assertThat(evaluate(twoPro, person, NOW).matches()).isTrue();
      assertThat(evaluate(twoPro, person.event("purchase", NOW, "{'plan':'pro'}"), NOW).matches())
          .isFalse();
    }

    @Test
    void aFilterOnADateInTheDataChangesWithTheClock() {
      // "booked a stay starting within the rest of today": the booking stops matching once its
      // start has passed, a moment after it.
      Instant start = NOW.plusSeconds(3600);
      Facts person =
          Facts.person()
              .event(
                  "booking", NOW.minusSeconds(60), "{'starts_at':" + start.getEpochSecond() + "}");
      EventCondition leaf =
          where(
              "booking",
              EVER,
              new PropertyMatch(
                  "starts_at",
                  new Match(Operator.WITHIN_NEXT_DAYS, new Operand.Days(0), ZoneChoice.WORKSPACE)));
      Evaluation now = evaluate(leaf, person, NOW);
      assertThat(now.matches()).isTrue();
      assertThat(now.recheckAt()).contains(start.plusNanos(1));
      assertThat(evaluate(leaf, person, start.plusNanos(1)).matches()).isFalse();
    }

    @Test
    void aClockDependentFilterOnAnEventOutsideTheWindowNeedsNoRecheck() {
      Instant start = NOW.plusSeconds(3600);
      Facts person =
          Facts.person()
              .event(
                  "booking",
                  NOW.minus(Duration.ofDays(8)),
                  "{'starts_at':" + start.getEpochSecond() + "}");
      EventCondition leaf =
          where(
              "booking",
              SEVEN_DAYS,
              new PropertyMatch(
                  "starts_at",
                  new Match(Operator.WITHIN_NEXT_DAYS, new Operand.Days(0), ZoneChoice.WORKSPACE)));
      Evaluation result = evaluate(leaf, person, NOW);
      assertThat(result.matches()).isFalse();
      assertThat(result.recheckAt()).isEmpty();
    }
  }

  @Nested
  class Expiry {

    @Test
    void aPersonLeavesEventWithinSevenDaysExactlyWhenTheLastEventIsSevenDaysOld() {
      EventCondition leaf = performed("login", Count.atLeastOnce(), SEVEN_DAYS);
      Instant older = NOW.minus(Duration.ofDays(3));
      Instant latest = NOW.minus(Duration.ofHours(5)).plusMillis(123);
      Facts person =
          Facts.person().event("login", older).event("login", latest).event("other", NOW);

      Evaluation now = evaluate(leaf, person, NOW);
      Instant leaves = latest.plus(Duration.ofDays(7));
      assertThat(now.matches()).isTrue();
      assertThat(now.recheckAt()).contains(leaves);

      // The clock advances: still in a nanosecond before, out at the instant, for good.
      assertThat(evaluate(leaf, person, leaves.minusNanos(1)).matches()).isTrue();
      Evaluation then = evaluate(leaf, person, now.recheckAt().get());
      assertThat(then.matches()).isFalse();
      assertThat(then.recheckAt()).isEmpty();
    }

    @Test
    void notPerformedWithinSevenDaysIsEnteredWhenTheEventExpires() {
      EventCondition leaf =
          new EventCondition("login", false, Count.atLeastOnce(), SEVEN_DAYS, List.of());
      Instant at = NOW.minus(Duration.ofDays(2));
      Facts person = Facts.person().event("login", at);
      Evaluation now = evaluate(leaf, person, NOW);
      assertThat(now.matches()).isFalse();
      assertThat(now.recheckAt()).contains(at.plus(Duration.ofDays(7)));
      assertThat(evaluate(leaf, person, now.recheckAt().get()).matches()).isTrue();
    }

    @Test
    void theRecheckIsWhenTheCountCrossesNotWhenTheFirstEventLeaves() {
      EventCondition atLeastTwo =
          performed(
              "login", new Count(Comparison.AT_LEAST, 2), new Window.Last(1, ChronoUnit.HOURS));
      Facts person =
          Facts.person()
              .event("login", NOW.minusSeconds(3000)) // leaves at +600 s
              .event("login", NOW.minusSeconds(2000)) // leaves at +1600 s
              .event("login", NOW.minusSeconds(1000)); // leaves at +2600 s
      Evaluation now = evaluate(atLeastTwo, person, NOW);
      assertThat(now.matches()).isTrue();
      assertThat(now.recheckAt()).contains(NOW.plusSeconds(1600));
      assertThat(evaluate(atLeastTwo, person, NOW.plusSeconds(1599)).matches()).isTrue();
      assertThat(evaluate(atLeastTwo, person, NOW.plusSeconds(1600)).matches()).isFalse();
    }

    @Test
    void atMostIsEnteredWhenEnoughEventsLeave() {
      EventCondition atMostOne =
          performed(
              "login", new Count(Comparison.AT_MOST, 1), new Window.Last(1, ChronoUnit.HOURS));
      Facts person =
          Facts.person()
              .event("login", NOW.minusSeconds(3000))
              .event("login", NOW.minusSeconds(10));
      Evaluation now = evaluate(atMostOne, person, NOW);
      assertThat(now.matches()).isFalse();
      assertThat(now.recheckAt()).contains(NOW.plusSeconds(600));
      assertThat(evaluate(atMostOne, person, NOW.plusSeconds(600)).matches()).isTrue();
    }

    @Test
    void anEventEnteringAsAnotherLeavesChangesNothingThen() {
      EventCondition exactlyOne =
          performed(
              "login", new Count(Comparison.EXACTLY, 1), new Window.Last(1, ChronoUnit.HOURS));
      Facts person =
          Facts.person()
              .event("login", NOW.minusSeconds(1800)) // leaves at +1800 s
              .event("login", NOW.plusSeconds(1800)); // enters at +1800 s, leaves at +5400 s
      Evaluation now = evaluate(exactlyOne, person, NOW);
      assertThat(now.matches()).isTrue();
      assertThat(now.recheckAt()).contains(NOW.plusSeconds(5400));
      assertThat(evaluate(exactlyOne, person, NOW.plusSeconds(1800)).matches()).isTrue();
      assertThat(evaluate(exactlyOne, person, NOW.plusSeconds(5400)).matches()).isFalse();
    }

    @Test
    void aFutureEventEntersThenLeaves() {
      EventCondition leaf = performed("webinar", Count.atLeastOnce(), SEVEN_DAYS);
      Instant at = NOW.plus(Duration.ofHours(1));
      Facts person = Facts.person().event("webinar", at);
      Evaluation now = evaluate(leaf, person, NOW);
      assertThat(now.matches()).isFalse();
      assertThat(now.recheckAt()).contains(at);
      Evaluation entered = evaluate(leaf, person, at);
      assertThat(entered.matches()).isTrue();
      assertThat(entered.recheckAt()).contains(at.plus(Duration.ofDays(7)));
    }

    @Test
    void aCountThatCannotChangeNeedsNoRecheck() {
      EventCondition atMostFive = performed("login", new Count(Comparison.AT_MOST, 5), SEVEN_DAYS);
      Facts person = Facts.person().event("login", NOW.minusSeconds(10));
      Evaluation result = evaluate(atMostFive, person, NOW);
      assertThat(result.matches()).isTrue();
      assertThat(result.recheckAt()).isEmpty();
    }
  }
}
