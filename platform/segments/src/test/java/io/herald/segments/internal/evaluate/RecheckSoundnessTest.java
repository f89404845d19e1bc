package io.herald.segments.internal.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.condition.All;
import io.herald.segments.api.condition.Any;
import io.herald.segments.api.condition.AttributeCondition;
import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.Count;
import io.herald.segments.api.condition.EngagementCondition;
import io.herald.segments.api.condition.EventCondition;
import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Not;
import io.herald.segments.api.condition.Operand;
import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.PropertyMatch;
import io.herald.segments.api.condition.RelationshipCondition;
import io.herald.segments.api.condition.Window;
import io.herald.segments.api.condition.ZoneChoice;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Re-checking is never late: for random trees of clock-dependent leaves over random people, the
 * result stays the same at every instant where any leaf could change (event times, their window
 * ends, dates, local midnights, one nanosecond either side) strictly between one evaluation and its
 * {@code recheckAt}, following the chain of re-checks over three weeks. Fixed seed.
 */
class RecheckSoundnessTest {

  private static final long SEED = 20261129L;
  private static final int CASES = 500;
  private static final Instant BASE = Instant.parse("2026-03-20T00:00:00Z");
  private static final Duration HORIZON = Duration.ofDays(21);
  private static final List<String> ZONES =
      List.of(
          "UTC",
          "Europe/Paris",
          "America/Los_Angeles",
          "America/Santiago",
          "America/Havana",
          "Asia/Kolkata",
          "Australia/Lord_Howe");
  private static final List<Duration> LENGTHS =
      List.of(Duration.ofMinutes(30), Duration.ofHours(5), Duration.ofDays(1), Duration.ofDays(7));

  private final PersonEvaluator evaluator = new DefaultPersonEvaluator();

  @Test
  void theResultNeverChangesBeforeRecheckAt() {
    Random random = new Random(SEED);
    int rechecks = 0;
    int flips = 0;
    for (int i = 0; i < CASES; i++) {
      Instant now = BASE.plusSeconds(random.nextInt(20 * 86_400));
      ZoneId zone = ZoneId.of(pick(random, ZONES));
      List<Instant> moments = new ArrayList<>();
      PersonFacts facts = facts(random, now, moments);
      Condition tree = tree(random, 3);
      TreeSet<Instant> critical = criticalInstants(moments, now, zone);

      Instant t = now;
      Instant end = now.plus(HORIZON);
      Boolean previous = null;
      for (int step = 0; step < 40 && t.isBefore(end); step++) {
        Evaluation at = evaluator.evaluate(tree, facts, t, zone);
        if (previous != null && previous != at.matches()) {
          flips++;
        }
        previous = at.matches();
        Instant until = at.recheckAt().orElse(end);
        assertThat(until).as("case %d: recheckAt after now", i).isAfter(t);
        for (Instant probe : critical.subSet(t, false, until, false)) {
          assertThat(evaluator.evaluate(tree, facts, probe, zone).matches())
              .as(
                  "case %d: %s at %s changed before recheckAt %s (evaluated at %s)",
                  i, tree, probe, until, t)
              .isEqualTo(at.matches());
        }
        if (at.recheckAt().isEmpty()) {
          break;
        }
        rechecks++;
        t = until;
      }
    }
    assertThat(rechecks).as("the cases exercise re-checks").isGreaterThan(CASES / 4);
    assertThat(flips).as("and results that change at them").isGreaterThan(CASES / 10);
  }

  private static TreeSet<Instant> criticalInstants(
      List<Instant> moments, Instant now, ZoneId zone) {
    TreeSet<Instant> critical = new TreeSet<>();
    List<Instant> bases = new ArrayList<>(moments);
    for (Instant m : moments) {
      for (Duration length : LENGTHS) {
        bases.add(m.plus(length));
      }
    }
    for (String id : ZONES) {
      LocalDate day = now.atZone(ZoneId.of(id)).toLocalDate().minusDays(1);
      for (int d = 0; d < 24; d++) {
        bases.add(day.plusDays(d).atStartOfDay(ZoneId.of(id)).toInstant());
      }
    }
    for (Instant b : bases) {
      critical.add(b.minusNanos(1));
      critical.add(b);
      critical.add(b.plusNanos(1));
    }
    critical.add(now.plusNanos(1));
    return critical;
  }

  private static PersonFacts facts(Random random, Instant now, List<Instant> moments) {
    Facts person = Facts.person();
    Instant d1 = around(random, now, moments);
    Instant d2 = around(random, now, moments);
    String timezone = random.nextBoolean() ? "'" + pick(random, ZONES) + "'" : "'Nowhere/Else'";
    person.attributes(
        "{'d1':"
            + d1.getEpochSecond()
            + ",'d2':'"
            + d2.getEpochSecond()
            + "','timezone':"
            + timezone
            + "}");
    int events = random.nextInt(6);
    for (int e = 0; e < events; e++) {
      Instant due = around(random, now, moments);
      person.event(
          random.nextBoolean() ? "a" : "b",
          around(random, now, moments),
          "{'due':" + due.getEpochSecond() + ",'n':" + random.nextInt(3) + "}");
    }
    int engagements = random.nextInt(3);
    for (int e = 0; e < engagements; e++) {
      person.engagement(
          EngagementCondition.Metric.OPENED,
          "m" + random.nextInt(2),
          null,
          around(random, now, moments));
    }
    if (random.nextBoolean()) {
      Instant renews = around(random, now, moments);
      person.relationship("1", "{'renews':" + renews.getEpochSecond() + "}", "{}");
    }
    return person.build();
  }

  /** An instant within ten days of now, whole seconds. */
  private static Instant around(Random random, Instant now, List<Instant> moments) {
    Instant at = now.plusSeconds(random.nextInt(20 * 86_400) - 10 * 86_400L);
    moments.add(at);
    return at;
  }

  private static Condition tree(Random random, int depth) {
    int kind = random.nextInt(depth == 0 ? 4 : 7);
    return switch (kind) {
      case 0 -> dateLeaf(random, "d" + (1 + random.nextInt(2)));
      case 1 -> eventLeaf(random);
      case 2 -> engagementLeaf(random);
      case 3 -> relationshipLeaf(random);
      case 4 -> new Not(tree(random, depth - 1));
      case 5 -> new All(children(random, depth));
      default -> new Any(children(random, depth));
    };
  }

  private static List<Condition> children(Random random, int depth) {
    List<Condition> children = new ArrayList<>();
    int n = random.nextInt(4);
    for (int c = 0; c < n; c++) {
      children.add(tree(random, depth - 1));
    }
    return children;
  }

  private static Condition dateLeaf(Random random, String attribute) {
    return new AttributeCondition(attribute, dateMatch(random));
  }

  private static Match dateMatch(Random random) {
    ZoneChoice zone = random.nextBoolean() ? ZoneChoice.WORKSPACE : ZoneChoice.PERSON;
    Operator operator =
        random.nextInt(4) == 0
            ? Operator.AFTER
            : random.nextBoolean() ? Operator.WITHIN_LAST_DAYS : Operator.WITHIN_NEXT_DAYS;
    Operand operand =
        operator == Operator.AFTER
            ? new Operand.Day(LocalDate.of(2026, 3, 20).plusDays(random.nextInt(10)))
            : new Operand.Days(random.nextInt(4));
    return new Match(operator, operand, zone);
  }

  private static Condition eventLeaf(Random random) {
    List<PropertyMatch> where = new ArrayList<>();
    if (random.nextInt(3) == 0) {
      where.add(new PropertyMatch("due", dateMatch(random)));
    }
    if (random.nextInt(3) == 0) {
      where.add(new PropertyMatch("n", Match.of(Operator.NOT_EQUALS, new Operand.Text("1"))));
    }
    return new EventCondition(
        random.nextBoolean() ? "a" : "b",
        random.nextInt(4) != 0,
        count(random),
        window(random),
        where);
  }

  private static Condition engagementLeaf(Random random) {
    return new EngagementCondition(
        EngagementCondition.Metric.OPENED,
        random.nextBoolean() ? "m" + random.nextInt(2) : null,
        null,
        count(random),
        window(random));
  }

  private static Condition relationshipLeaf(Random random) {
    return new RelationshipCondition(
        "1", List.of(new PropertyMatch("renews", dateMatch(random))), List.of());
  }

  private static Count count(Random random) {
    return new Count(Count.Comparison.values()[random.nextInt(3)], random.nextInt(3));
  }

  private static Window window(Random random) {
    int kind = random.nextInt(6);
    if (kind == 0) {
      return new Window.Ever();
    }
    if (kind == 1) {
      Instant from = BASE.plus(Duration.ofDays(random.nextInt(10)));
      return new Window.Between(from, from.plus(Duration.ofDays(1 + random.nextInt(10))));
    }
    Duration length = LENGTHS.get(random.nextInt(LENGTHS.size()));
    return length.toDays() > 0
        ? new Window.Last(length.toDays(), ChronoUnit.DAYS)
        : length.toHours() > 0
            ? new Window.Last(length.toHours(), ChronoUnit.HOURS)
            : new Window.Last(length.toMinutes(), ChronoUnit.MINUTES);
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
