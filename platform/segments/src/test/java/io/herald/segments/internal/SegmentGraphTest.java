package io.herald.segments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.segments.api.condition.All;
import io.herald.segments.api.condition.Any;
import io.herald.segments.api.condition.AttributeCondition;
import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.InvalidConditionException;
import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Not;
import io.herald.segments.api.condition.Operand;
import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.SegmentCondition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which segments name which: unknown segments, self-reference and cycles, referrers. */
class SegmentGraphTest {

  private static ConditionDocument doc(Condition root) {
    return ConditionDocument.of(root);
  }

  private static SegmentCondition seg(long id) {
    return new SegmentCondition(id);
  }

  private static final Condition PRO =
      new AttributeCondition("plan", Match.of(Operator.EQUALS, new Operand.Text("pro")));

  /** 1 manual; 2 names 1; 3 names 2; 4 names nothing; 5 names 3 and 4. */
  private static SegmentGraph graph() {
    return SegmentGraph.of(
        List.of(
            Segments.manual(9, 1),
            Segments.data(9, 2, doc(new All(List.of(PRO, seg(1))))),
            Segments.data(9, 3, doc(new Not(seg(2)))),
            Segments.data(9, 4, doc(PRO)),
            Segments.data(9, 5, doc(new Any(List.of(seg(3), new Not(seg(4))))))));
  }

  private static InvalidConditionException rejected(Runnable check) {
    InvalidConditionException e = catchThrowableOfType(check::run, InvalidConditionException.class);
    assertThat(e).as("rejected").isNotNull();
    return e;
  }

  @Test
  void leavesAreListedWithTheJsonPathsOfTheirIds() {
    ConditionDocument tree =
        doc(new All(List.of(PRO, seg(1), new Any(List.of(new Not(seg(2)), seg(3))))));
    assertThat(SegmentGraph.leaves(tree))
        .containsExactly(
            new SegmentGraph.SegmentLeaf(1, "$.condition.and[1].segment.id"),
            new SegmentGraph.SegmentLeaf(2, "$.condition.and[2].or[0].not.segment.id"),
            new SegmentGraph.SegmentLeaf(3, "$.condition.and[2].or[1].segment.id"));
    assertThat(SegmentGraph.leaves(doc(seg(7))))
        .containsExactly(new SegmentGraph.SegmentLeaf(7, "$.condition.segment.id"));
    assertThat(SegmentGraph.leaves(doc(PRO))).isEmpty();
  }

  @Test
  void everyNamedSegmentMustExistInTheWorkspace() {
    InvalidConditionException e =
        rejected(
            () -> graph().check(Optional.empty(), doc(new All(List.of(seg(1), PRO, seg(77))))));
    assertThat(e.path()).isEqualTo("$.condition.and[2].segment.id");
    assertThat(e.reason()).isEqualTo("no segment with id 77 in this workspace");
    assertThatCode(() -> graph().check(Optional.empty(), doc(new Any(List.of(seg(1), seg(5))))))
        .doesNotThrowAnyException();
  }

  @Test
  void aSegmentCannotNameItself() {
    InvalidConditionException e =
        rejected(() -> graph().check(Optional.of(4L), doc(new Not(new All(List.of(seg(4)))))));
    assertThat(e.path()).isEqualTo("$.condition.not.and[0].segment.id");
    assertThat(e.reason()).isEqualTo("a segment cannot be a condition of itself (segment 4)");
  }

  @Test
  void aCycleThroughOtherSegmentsIsRefusedWithTheChain() {
    // 2 names 1; making 1... 1 is manual, so take 2: 5 -> 3 -> 2; 2 naming 5 closes the cycle.
    InvalidConditionException e =
        rejected(() -> graph().check(Optional.of(2L), doc(new All(List.of(PRO, seg(5))))));
    assertThat(e.path()).isEqualTo("$.condition.and[1].segment.id");
    assertThat(e.reason())
        .isEqualTo("segment 5 depends on this segment (5 → 3 → 2), which would make a cycle");
    // Naming a segment that does not lead back is fine, however deep.
    assertThatCode(() -> graph().check(Optional.of(4L), doc(seg(3)))).doesNotThrowAnyException();
    assertThatCode(() -> graph().check(Optional.of(2L), doc(seg(4)))).doesNotThrowAnyException();
  }

  @Test
  void referrersAreTheDataSegmentsNamingASegment() {
    assertThat(graph().referrers(1)).containsExactly(2L);
    assertThat(graph().referrers(4)).containsExactly(5L);
    assertThat(graph().referrers(5)).isEmpty();
  }

  @Test
  void chainsFollowReferences() {
    SegmentGraph g = new SegmentGraph(Set.of(1L, 2L, 3L), Map.of(1L, Set.of(2L), 2L, Set.of(3L)));
    assertThat(g.chain(1, 3)).contains(List.of(1L, 2L, 3L));
    assertThat(g.chain(3, 1)).isEmpty();
    assertThat(g.chain(2, 2)).contains(List.of(2L));
  }
}
