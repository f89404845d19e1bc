package io.herald.segments.internal.evaluate;

import static io.herald.segments.api.condition.EngagementCondition.Metric.CLICKED;
import static io.herald.segments.api.condition.EngagementCondition.Metric.OPENED;
import static io.herald.segments.api.condition.EngagementCondition.Metric.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.Count;
import io.herald.segments.api.condition.Count.Comparison;
import io.herald.segments.api.condition.DeviceCondition;
import io.herald.segments.api.condition.EngagementCondition;
import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Operand;
import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.PropertyMatch;
import io.herald.segments.api.condition.RelationshipCondition;
import io.herald.segments.api.condition.SegmentCondition;
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

/** Engagement, relationship, segment and device leaves. */
class OtherLeavesTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  private static final ZoneId ZONE = ZoneId.of("UTC");

  private final PersonEvaluator evaluator = new DefaultPersonEvaluator();

  private Evaluation evaluate(Condition condition, Facts person, Instant now) {
    return evaluator.evaluate(condition, person.build(), now, ZONE);
  }

  private static PropertyMatch property(String name, Operator operator, Operand operand) {
    return new PropertyMatch(name, Match.of(operator, operand));
  }

  @Nested
  class Engagements {
    private final Window week = new Window.Last(7, ChronoUnit.DAYS);

    @Test
    void anyMessageOfTheMetric() {
      EngagementCondition opened =
          new EngagementCondition(OPENED, null, null, Count.atLeastOnce(), new Window.Ever());
      assertThat(evaluate(opened, Facts.person(), NOW).matches()).isFalse();
      assertThat(
              evaluate(opened, Facts.person().engagement(CLICKED, "m1", "c1", NOW), NOW).matches())
          .isFalse();
      assertThat(
              evaluate(opened, Facts.person().engagement(OPENED, "m1", "c1", NOW), NOW).matches())
          .isTrue();
      assertThat(
              evaluate(opened, Facts.person().engagement(OPENED, null, null, NOW), NOW).matches())
          .isTrue();
    }

    @Test
    void oneMessageOrOneCampaign() {
      Facts person = Facts.person().engagement(RECEIVED, "m1", "c1", NOW);
      Count once = Count.atLeastOnce();
      Window ever = new Window.Ever();
      assertThat(
              evaluate(new EngagementCondition(RECEIVED, "m1", null, once, ever), person, NOW)
                  .matches())
          .isTrue();
      assertThat(
              evaluate(new EngagementCondition(RECEIVED, "m2", null, once, ever), person, NOW)
                  .matches())
          .isFalse();
      assertThat(
              evaluate(new EngagementCondition(RECEIVED, null, "c1", once, ever), person, NOW)
                  .matches())
          .isTrue();
      assertThat(
              evaluate(new EngagementCondition(RECEIVED, null, "C1", once, ever), person, NOW)
                  .matches())
          .isFalse();
      Facts withoutIds = Facts.person().engagement(RECEIVED, null, null, NOW);
      assertThat(
              evaluate(new EngagementCondition(RECEIVED, "m1", null, once, ever), withoutIds, NOW)
                  .matches())
          .isFalse();
    }

    @Test
    void countedInTheWindowAndExpiring() {
      Instant at = NOW.minus(Duration.ofDays(6));
      Facts person =
          Facts.person()
              .engagement(CLICKED, "m1", null, at)
              .engagement(CLICKED, "m1", null, NOW.minus(Duration.ofDays(8)));
      EngagementCondition clickedTwice =
          new EngagementCondition(
              CLICKED, "m1", null, new Count(Comparison.EXACTLY, 2), new Window.Ever());
      assertThat(evaluate(clickedTwice, person, NOW).matches()).isTrue();
      EngagementCondition clickedThisWeek =
          new EngagementCondition(CLICKED, null, null, Count.atLeastOnce(), week);
      Evaluation now = evaluate(clickedThisWeek, person, NOW);
      assertThat(now.matches()).isTrue();
      assertThat(now.recheckAt()).contains(at.plus(Duration.ofDays(7)));
      assertThat(evaluate(clickedThisWeek, person, now.recheckAt().get()).matches()).isFalse();
    }

    @Test
    void betweenWindow() {
      Instant from = NOW.minus(Duration.ofDays(10));
      Instant to = NOW.minus(Duration.ofDays(5));
      EngagementCondition leaf =
          new EngagementCondition(
              OPENED, null, null, Count.atLeastOnce(), new Window.Between(from, to));
      assertThat(evaluate(leaf, Facts.person().engagement(OPENED, null, null, from), NOW).matches())
          .isTrue();
      assertThat(evaluate(leaf, Facts.person().engagement(OPENED, null, null, to), NOW).matches())
          .isFalse();
    }
  }

  @Nested
  class Relationships {
    private final PropertyMatch enterprise =
        property("tier", Operator.EQUALS, new Operand.Text("enterprise"));
    private final PropertyMatch admin =
        property("role", Operator.EQUALS, new Operand.Text("admin"));

    @Test
    void anObjectOfTheTypeWithoutFilters() {
      RelationshipCondition anyCompany = new RelationshipCondition("1", List.of(), List.of());
      assertThat(evaluate(anyCompany, Facts.person(), NOW).matches()).isFalse();
      assertThat(evaluate(anyCompany, Facts.person().relationship("2", "{}", "{}"), NOW).matches())
          .isFalse();
      assertThat(evaluate(anyCompany, Facts.person().relationship("1", "{}", "{}"), NOW).matches())
          .isTrue();
      assertThat(evaluate(anyCompany, Facts.person().relationship("1", null, null), NOW).matches())
          .isTrue();
    }

    @Test
    void objectAndRelationshipFiltersMustHoldForTheSameObject() {
      RelationshipCondition leaf =
          new RelationshipCondition("1", List.of(enterprise), List.of(admin));
      Facts both = Facts.person().relationship("1", "{'tier':'enterprise'}", "{'role':'admin'}");
      assertThat(evaluate(leaf, both, NOW).matches()).isTrue();
      Facts split =
          Facts.person()
              .relationship("1", "{'tier':'enterprise'}", "{'role':'member'}")
              .relationship("1", "{'tier':'free'}", "{'role':'admin'}");
      assertThat(evaluate(leaf, split, NOW).matches()).isFalse();
      Facts otherType =
          Facts.person().relationship("2", "{'tier':'enterprise'}", "{'role':'admin'}");
      assertThat(evaluate(leaf, otherType, NOW).matches()).isFalse();
    }

    @Test
    void filtersFollowTheOperatorRules() {
      RelationshipCondition seats =
          new RelationshipCondition(
              "1",
              List.of(
                  property(
                      "seats", Operator.GREATER_THAN, new Operand.Number(BigDecimal.valueOf(50)))),
              List.of(property("role", Operator.NOT_EQUALS, new Operand.Text("guest"))));
      assertThat(
              evaluate(seats, Facts.person().relationship("1", "{'seats':'51'}", "{}"), NOW)
                  .matches())
          .isTrue();
      assertThat(
              evaluate(seats, Facts.person().relationship("1", "{'seats':50}", "{}"), NOW)
                  .matches())
          .isFalse();
      assertThat(
              evaluate(
                      seats,
                      Facts.person().relationship("1", "{'seats':51}", "{'role':'guest'}"),
                      NOW)
                  .matches())
          .isFalse();
      assertThat(evaluate(seats, Facts.person().relationship("1", null, null), NOW).matches())
          .isFalse();
    }

    @Test
    void aDateFilterOnAnObjectChangesWithTheClock() {
      Instant renewal = NOW.plus(Duration.ofHours(30));
      RelationshipCondition renewsSoon =
          new RelationshipCondition(
              "1",
              List.of(
                  new PropertyMatch(
                      "renews_at",
                      new Match(
                          Operator.WITHIN_NEXT_DAYS, new Operand.Days(0), ZoneChoice.WORKSPACE))),
              List.of());
      Facts person =
          Facts.person().relationship("1", "{'renews_at':" + renewal.getEpochSecond() + "}", "{}");
      Evaluation now = evaluate(renewsSoon, person, NOW);
      assertThat(now.matches()).isFalse();
      Instant nextUtcMidnight = Instant.parse("2026-03-11T00:00:00Z");
      assertThat(now.recheckAt()).contains(nextUtcMidnight);
      assertThat(evaluate(renewsSoon, person, nextUtcMidnight).matches()).isTrue();
    }
  }

  @Test
  void segmentMembership() {
    SegmentCondition inSeven = new SegmentCondition(7);
    assertThat(evaluate(inSeven, Facts.person().segment(7).segment(8), NOW).matches()).isTrue();
    assertThat(evaluate(inSeven, Facts.person().segment(8), NOW).matches()).isFalse();
    assertThat(evaluate(inSeven, Facts.person(), NOW).recheckAt()).isEmpty();
  }

  @ParameterizedTest(name = "platform {0}, push {1} -> {2}")
  @CsvSource(
      nullValues = "any",
      value = {
        "any, any, true",
        "ios, any, true",
        "android, any, true",
        "web, any, false",
        "iOS, any, false",
        "any, true, true",
        "any, false, true",
        "ios, true, true",
        "ios, false, false",
        "android, false, true",
        "android, true, false"
      })
  void devices(String platform, Boolean pushEnabled, boolean expected) {
    Facts person = Facts.person().device("ios", true).device("android", false);
    DeviceCondition leaf = new DeviceCondition(platform, pushEnabled);
    assertThat(evaluate(leaf, person, NOW).matches()).isEqualTo(expected);
    assertThat(evaluate(leaf, Facts.person(), NOW).matches()).isFalse();
  }
}
