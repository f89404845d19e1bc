package io.herald.segments.internal.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.condition.All;
import io.herald.segments.api.condition.Any;
import io.herald.segments.api.condition.AttributeCondition;
import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.Count;
import io.herald.segments.api.condition.EventCondition;
import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Not;
import io.herald.segments.api.condition.Operand;
import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.SegmentCondition;
import io.herald.segments.api.condition.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AND / OR / NOT, empty groups, nesting, and how a group's recheck follows from its parts'. */
class GroupsTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  private static final ZoneId ZONE = ZoneId.of("UTC");

  private static final Condition PRO =
      new AttributeCondition("plan", Match.of(Operator.EQUALS, new Operand.Text("pro")));
  private static final Condition FREE =
      new AttributeCondition("plan", Match.of(Operator.EQUALS, new Operand.Text("free")));

  /** True until 2 days from now. */
  private static final Condition A_WITHIN_7_DAYS = lastDays("a", 7);

  /** True until 23 hours from now. */
  private static final Condition B_WITHIN_1_DAY = lastDays("b", 1);

  /** False until 3 hours from now, when a future "c" enters. */
  private static final Condition C_WITHIN_1_DAY = lastDays("c", 1);

  /** False for good (d happened 10 days ago). */
  private static final Condition D_WITHIN_1_DAY = lastDays("d", 1);

  private final PersonEvaluator evaluator = new DefaultPersonEvaluator();

  private final PersonFacts person =
      Facts.person()
          .attributes("{'plan':'pro'}")
          .event("a", NOW.minus(Duration.ofDays(5)))
          .event("b", NOW.minus(Duration.ofHours(1)))
          .event("c", NOW.plus(Duration.ofHours(3)))
          .event("d", NOW.minus(Duration.ofDays(10)))
          .segment(3)
          .build();

  private static Condition lastDays(String name, long days) {
    return new EventCondition(
        name, true, Count.atLeastOnce(), new Window.Last(days, ChronoUnit.DAYS), List.of());
  }

  private Evaluation evaluate(Condition condition) {
    return evaluator.evaluate(condition, person, NOW, ZONE);
  }

  private static All all(Condition... conditions) {
    return new All(List.of(conditions));
  }

  private static Any any(Condition... conditions) {
    return new Any(List.of(conditions));
  }

  @Test
  void emptyGroups() {
    assertThat(evaluate(all())).isEqualTo(Verdicts.settled(true));
    assertThat(evaluate(any())).isEqualTo(Verdicts.settled(false));
    assertThat(evaluate(new Not(all())).matches()).isFalse();
    assertThat(evaluate(new Not(any())).matches()).isTrue();
  }

  @Test
  void truthTables() {
    Condition t = PRO;
    Condition f = FREE;
    assertThat(evaluate(all(t, t)).matches()).isTrue();
    assertThat(evaluate(all(t, f)).matches()).isFalse();
    assertThat(evaluate(all(f, t)).matches()).isFalse();
    assertThat(evaluate(any(f, f)).matches()).isFalse();
    assertThat(evaluate(any(f, t)).matches()).isTrue();
    assertThat(evaluate(any(t, f)).matches()).isTrue();
    assertThat(evaluate(new Not(t)).matches()).isFalse();
    assertThat(evaluate(new Not(f)).matches()).isTrue();
    assertThat(evaluate(new Not(new Not(t))).matches()).isTrue();
  }

  @Test
  void nestingToTwentyLevels() {
    Condition tree = PRO;
    for (int depth = 1; depth < 20; depth++) {
      tree =
          depth % 3 == 0
              ? new Not(new Not(tree))
              : depth % 2 == 0 ? all(tree, any(PRO, FREE)) : any(FREE, tree);
    }
    assertThat(evaluate(tree).matches()).isTrue();
    Condition mixed =
        any(
            all(PRO, new Not(new SegmentCondition(3))),
            all(new SegmentCondition(3), any(FREE, new Not(FREE))));
    assertThat(evaluate(mixed).matches()).isTrue();
    assertThat(evaluate(all(mixed, new Not(mixed))).matches()).isFalse();
  }

  @Test
  void leavesChangeWhenTheirWindowsSay() {
    assertThat(evaluate(A_WITHIN_7_DAYS).recheckAt()).contains(NOW.plus(Duration.ofDays(2)));
    assertThat(evaluate(B_WITHIN_1_DAY).recheckAt()).contains(NOW.plus(Duration.ofHours(23)));
    assertThat(evaluate(C_WITHIN_1_DAY))
        .isEqualTo(new Evaluation(false, Optional.of(NOW.plus(Duration.ofHours(3)))));
    assertThat(evaluate(D_WITHIN_1_DAY)).isEqualTo(Verdicts.settled(false));
  }

  @Test
  void aTrueAndChangesWithItsEarliestPart() {
    Evaluation e = evaluate(all(A_WITHIN_7_DAYS, PRO, B_WITHIN_1_DAY));
    assertThat(e.matches()).isTrue();
    assertThat(e.recheckAt()).contains(NOW.plus(Duration.ofHours(23)));
    assertThat(
            evaluator
                .evaluate(
                    all(A_WITHIN_7_DAYS, PRO, B_WITHIN_1_DAY), person, e.recheckAt().get(), ZONE)
                .matches())
        .isFalse();
  }

  @Test
  void aFalseAndWithASettledFalsePartNeverChangesAlone() {
    assertThat(evaluate(all(A_WITHIN_7_DAYS, FREE))).isEqualTo(Verdicts.settled(false));
    assertThat(evaluate(all(FREE, C_WITHIN_1_DAY))).isEqualTo(Verdicts.settled(false));
    assertThat(evaluate(all(C_WITHIN_1_DAY, D_WITHIN_1_DAY))).isEqualTo(Verdicts.settled(false));
  }

  @Test
  void aFalseAndWaitsForItsLatestFalsePart() {
    // not-A turns true in 2 days, C in 3 hours: the AND cannot be true before 2 days.
    Evaluation e = evaluate(all(new Not(A_WITHIN_7_DAYS), C_WITHIN_1_DAY, PRO));
    assertThat(e.matches()).isFalse();
    assertThat(e.recheckAt()).contains(NOW.plus(Duration.ofDays(2)));
  }

  @Test
  void aTrueOrWaitsForItsLatestTruePart() {
    Evaluation e = evaluate(any(A_WITHIN_7_DAYS, B_WITHIN_1_DAY, FREE));
    assertThat(e.matches()).isTrue();
    assertThat(e.recheckAt()).contains(NOW.plus(Duration.ofDays(2)));
    assertThat(evaluate(any(A_WITHIN_7_DAYS, PRO))).isEqualTo(Verdicts.settled(true));
  }

  @Test
  void aFalseOrChangesWithItsEarliestPart() {
    Evaluation e = evaluate(any(new Not(A_WITHIN_7_DAYS), C_WITHIN_1_DAY, FREE, D_WITHIN_1_DAY));
    assertThat(e.matches()).isFalse();
    assertThat(e.recheckAt()).contains(NOW.plus(Duration.ofHours(3)));
    assertThat(
            evaluator
                .evaluate(
                    any(new Not(A_WITHIN_7_DAYS), C_WITHIN_1_DAY),
                    person,
                    e.recheckAt().get(),
                    ZONE)
                .matches())
        .isTrue();
  }

  @Test
  void notKeepsItsPartsRecheck() {
    Evaluation e = evaluate(new Not(B_WITHIN_1_DAY));
    assertThat(e.matches()).isFalse();
    assertThat(e.recheckAt()).contains(NOW.plus(Duration.ofHours(23)));
  }

  @Test
  void nestedGroupsCombine() {
    // (A and B) or (C and pro): A and B is true until 23 h; C and pro is false until 3 h.
    Evaluation e = evaluate(any(all(A_WITHIN_7_DAYS, B_WITHIN_1_DAY), all(C_WITHIN_1_DAY, PRO)));
    assertThat(e.matches()).isTrue();
    assertThat(e.recheckAt()).contains(NOW.plus(Duration.ofHours(23)));
  }
}
