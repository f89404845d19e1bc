package io.herald.webadmin.segments.builder;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.condition.InvalidConditionException;
import org.junit.jupiter.api.Test;

class PathLocatorTest {

  private final ConditionTree tree = new ConditionTree();
  private final LeafNode first = tree.addCondition(tree.root().getId()).orElseThrow();
  private final GroupNode group = tree.addGroup(tree.root().getId()).orElseThrow();
  private final LeafNode nested = tree.addCondition(group.getId()).orElseThrow();

  private Problems.Problem locate(String path) {
    return PathLocator.locate(tree, new InvalidConditionException(path, "no such segment"));
  }

  @Test
  void aPathThroughGroupsAndNotsNamesTheLeafAndTheFieldLeft() {
    tree.toggleNot(group.getId());

    assertThat(locate("$.condition.and[1].not.and[1].segment.id"))
        .isEqualTo(
            new Problems.Problem(nested.getId(), "Condition 2.2", "segment.id: no such segment"));
    assertThat(locate("$.condition.and[0]"))
        .isEqualTo(new Problems.Problem(first.getId(), "Condition 1", "no such segment"));
  }

  @Test
  void aPathOutsideTheTreeFallsBackToTheDeepestNodeItReached() {
    assertThat(locate("$.condition.and[7].segment"))
        .isEqualTo(
            new Problems.Problem(
                tree.root().getId(), "The conditions", "and[7].segment: no such segment"));
    assertThat(locate("$.condition.and[1].or[0]"))
        .as("the group is an AND, but the index still leads to its member")
        .extracting(Problems.Problem::nodeId)
        .isEqualTo(group.getChildren().get(0).getId());
    assertThat(locate("$"))
        .isEqualTo(new Problems.Problem(tree.root().getId(), "The conditions", "no such segment"));
  }
}
