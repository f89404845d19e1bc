package io.herald.segments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.segments.api.SegmentState;
import io.herald.segments.api.SegmentType;
import io.herald.segments.api.SegmentView;
import io.herald.segments.api.condition.AttributeCondition;
import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.InvalidConditionException;
import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Not;
import io.herald.segments.api.condition.Operand;
import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.SegmentCondition;
import io.herald.workspace.api.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Storing data segments: the checks run on the locked segments, rebuilds follow real changes. */
class DataSegmentWriterTest {

  private static final Instant LATER = Instant.parse("2026-02-01T00:00:00Z");
  private static final Condition PRO =
      new AttributeCondition("plan", Match.of(Operator.EQUALS, new Operand.Text("pro")));
  private static final Condition FREE =
      new AttributeCondition("plan", Match.of(Operator.EQUALS, new Operand.Text("free")));

  private final List<String> rebuilds = new ArrayList<>();
  private final FakeSegmentRepository repository =
      new FakeSegmentRepository(
          Segments.manual(1, 1),
          Segments.data(1, 2, ConditionDocument.of(PRO)),
          Segments.data(1, 3, ConditionDocument.of(new Not(new SegmentCondition(2)))),
          Segments.data(2, 4, ConditionDocument.of(PRO)));

  private DataSegmentWriter writer() {
    DataSegmentWriter writer = new DataSegmentWriter();
    writer.segments = repository;
    writer.rebuilds =
        (WorkspaceId workspace, long segmentId) ->
            rebuilds.add(workspace.value() + "/" + segmentId);
    writer.clock = Clock.fixed(LATER, ZoneOffset.UTC);
    return writer;
  }

  @Test
  void creatingStoresTheConditionsAndAsksForARebuild() {
    ConditionDocument tree = ConditionDocument.of(new Not(new SegmentCondition(3)));
    SegmentView created = writer().create(1, new SegmentFields("Not 3", "d"), tree);
    assertThat(created.type()).isEqualTo(SegmentType.DATA);
    assertThat(created.state()).isEqualTo(SegmentState.BUILDING);
    assertThat(created.createdAt()).isEqualTo(LATER);
    assertThat(repository.writes).containsExactly("lock 1", "add 100");
    assertThat(rebuilds).containsExactly("1/100");
    assertThat(repository.find(1, 100).orElseThrow().conditionDocument()).contains(tree);
  }

  @Test
  void anUnknownSegmentLeafWritesNothing() {
    assertThatThrownBy(
            () ->
                writer()
                    .create(
                        1,
                        new SegmentFields("n", null),
                        ConditionDocument.of(new SegmentCondition(4))))
        .isInstanceOf(InvalidConditionException.class)
        .hasMessage("$.condition.segment.id: no segment with id 4 in this workspace");
    assertThat(repository.writes).containsExactly("lock 1");
    assertThat(rebuilds).isEmpty();
  }

  @Test
  void changedConditionsAreStoredAndRebuilt() {
    SegmentView updated =
        writer()
            .update(1, 2, new SegmentFields("renamed", null), ConditionDocument.of(FREE))
            .orElseThrow();
    assertThat(updated.name()).isEqualTo("renamed");
    assertThat(updated.updatedAt()).isEqualTo(LATER);
    assertThat(updated.state()).isEqualTo(SegmentState.BUILDING);
    assertThat(rebuilds).containsExactly("1/2");
    assertThat(repository.find(1, 2).orElseThrow().conditionDocument())
        .contains(ConditionDocument.of(FREE));
  }

  @Test
  void sameConditionsRenameWithoutARebuild() {
    SegmentView updated =
        writer()
            .update(1, 2, new SegmentFields("renamed", null), ConditionDocument.of(PRO))
            .orElseThrow();
    assertThat(updated.name()).isEqualTo("renamed");
    assertThat(updated.state()).isEqualTo(SegmentState.FINISHED);
    assertThat(rebuilds).isEmpty();
  }

  @Test
  void aCycleIsRefusedAndNothingChanges() {
    assertThatThrownBy(
            () ->
                writer()
                    .update(
                        1,
                        2,
                        new SegmentFields("x", null),
                        ConditionDocument.of(new SegmentCondition(3))))
        .isInstanceOf(InvalidConditionException.class)
        .hasMessage(
            "$.condition.segment.id: segment 3 depends on this segment (3 → 2), which would make"
                + " a cycle");
    Segment two = repository.find(1, 2).orElseThrow();
    assertThat(two.view().name()).isEqualTo("data 2");
    assertThat(two.conditionDocument()).contains(ConditionDocument.of(PRO));
    assertThat(rebuilds).isEmpty();
  }

  @Test
  void onlyDataSegmentsOfTheWorkspaceCanBeUpdated() {
    assertThat(writer().update(1, 1, new SegmentFields("m", null), ConditionDocument.of(PRO)))
        .isEmpty();
    assertThat(
            writer().update(1, 4, new SegmentFields("other ws", null), ConditionDocument.of(PRO)))
        .isEmpty();
    assertThat(rebuilds).isEmpty();
  }
}
