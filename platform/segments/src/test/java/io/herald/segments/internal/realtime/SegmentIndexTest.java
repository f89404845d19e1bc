package io.herald.segments.internal.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.condition.All;
import io.herald.segments.api.condition.AttributeCondition;
import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.Count;
import io.herald.segments.api.condition.DeviceCondition;
import io.herald.segments.api.condition.EventCondition;
import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Not;
import io.herald.segments.api.condition.Operand;
import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.RelationshipCondition;
import io.herald.segments.api.condition.SegmentCondition;
import io.herald.segments.api.condition.Window;
import io.herald.segments.api.condition.ZoneChoice;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentIndexTest {

  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  private static DataSegment segment(long id, Condition root) {
    return DataSegment.of(id, 1, 0, ConditionDocument.of(root));
  }

  private static Condition plan() {
    return new AttributeCondition("plan", Match.of(Operator.EQUALS, new Operand.Text("pro")));
  }

  private static Condition login(Window window) {
    return new EventCondition("login", true, Count.atLeastOnce(), window, List.of());
  }

  @Test
  void aChangeFindsTheSegmentsMentioningItAndTheirReadersInDependencyOrder() {
    SegmentIndex index =
        SegmentIndex.of(
            List.of(
                segment(30, new All(List.of(new SegmentCondition(20), new SegmentCondition(10)))),
                segment(20, new Not(new SegmentCondition(10))),
                segment(10, plan()),
                segment(40, login(new Window.Ever())),
                segment(50, new DeviceCondition("ios", true))));

    assertThat(index.affected(List.of(new Trigger.Attribute("plan"))))
        .extracting(DataSegment::id)
        .containsExactly(10L, 20L, 30L);
    assertThat(index.affected(List.of(new Trigger.Event("login"))))
        .extracting(DataSegment::id)
        .containsExactly(40L);
    assertThat(index.affected(List.of(new Trigger.Event("signup")))).isEmpty();
    assertThat(index.affected(List.of(new Trigger.Device())))
        .extracting(DataSegment::id)
        .containsExactly(50L);
    assertThat(index.affected(List.of(new Trigger.Membership(20))))
        .extracting(DataSegment::id)
        .containsExactly(30L);
    assertThat(index.readersOf(10)).containsExactlyInAnyOrder(20L, 30L);
    assertThat(index.affected(List.of(Trigger.everything())))
        .extracting(DataSegment::id)
        .containsExactly(10L, 20L, 30L, 40L, 50L);
  }

  @Test
  void aManualSegmentsReadersAreFoundThroughIt() {
    SegmentIndex index = SegmentIndex.of(List.of(segment(10, new SegmentCondition(5))));
    assertThat(index.affected(List.of(new Trigger.Membership(5))))
        .extracting(DataSegment::id)
        .containsExactly(10L);
  }

  @Test
  void relationshipLeavesAreFoundByObjectTypeAndPersonZoneDatesByTimezone() {
    SegmentIndex index =
        SegmentIndex.of(
            List.of(
                segment(1, new RelationshipCondition("2", List.of(), List.of())),
                segment(
                    2,
                    new AttributeCondition(
                        "renews_at",
                        new Match(
                            Operator.WITHIN_NEXT_DAYS, new Operand.Days(3), ZoneChoice.PERSON)))));
    assertThat(index.affected(List.of(new Trigger.Relationship("2"))))
        .extracting(DataSegment::id)
        .containsExactly(1L);
    assertThat(index.affected(List.of(new Trigger.Attribute("timezone"))))
        .extracting(DataSegment::id)
        .containsExactly(2L);
  }

  @Test
  void mentionsKeepTheWidestWindowPerEventName() {
    Mentions m =
        SegmentIndex.mentions(
            List.of(
                segment(1, login(new Window.Last(2, ChronoUnit.HOURS))),
                segment(2, login(new Window.Last(3, ChronoUnit.DAYS)))));
    assertThat(Mentions.earliest(m.events().get("login"), NOW))
        .isEqualTo(NOW.minus(3, ChronoUnit.DAYS));

    Mentions ever = m.plus(Mentions.of(login(new Window.Ever())));
    assertThat(Mentions.earliest(ever.events().get("login"), NOW)).isNull();

    Mentions between =
        Mentions.of(
            login(new Window.Between(NOW.minus(1, ChronoUnit.DAYS), NOW.plus(1, ChronoUnit.DAYS))));
    assertThat(Mentions.earliest(between.events().get("login"), NOW))
        .isEqualTo(NOW.minus(1, ChronoUnit.DAYS));
    assertThat(Mentions.earliest(between.plus(m).events().get("login"), NOW))
        .as("a relative and an absolute window: everything")
        .isNull();
  }
}
