package io.herald.webadmin.segments.builder;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.segments.api.condition.ConditionDocument;
import org.junit.jupiter.api.Test;

class ConditionTreeTest {

  private final ConditionTree tree = new ConditionTree();
  private final int root = tree.root().getId();

  @Test
  void rowsFlattenTheTreeInOrderWithDepthsAndPositions() {
    LeafNode first = tree.addCondition(root).orElseThrow();
    GroupNode group = tree.addGroup(root).orElseThrow();
    GroupNode inner = tree.addGroup(group.getId()).orElseThrow();

    assertThat(tree.rows())
        .extracting(
            r -> r.getType() + " " + r.getDepth() + " " + r.getLabel() + " #" + r.getNode().getId())
        .containsExactly(
            "OPEN 0  #" + root,
            "LEAF 1 1 #" + first.getId(),
            "OPEN 1 2 #" + group.getId(),
            "LEAF 2 2.1 #" + group.getChildren().get(0).getId(),
            "OPEN 2 2.2 #" + inner.getId(),
            "LEAF 3 2.2.1 #" + inner.getChildren().get(0).getId(),
            "CLOSE 2 2.2 #" + inner.getId(),
            "CLOSE 1 2 #" + group.getId(),
            "CLOSE 0  #" + root);
    assertThat(tree.rows().get(0).isRoot()).isTrue();
    assertThat(tree.rows().get(1).getLeaf()).isSameAs(first);
    assertThat(tree.rows().get(1).getGroup()).isNull();
  }

  @Test
  void removingAGroupRemovesEverythingInItButTheTopGroupStays() {
    GroupNode group = tree.addGroup(root).orElseThrow();
    LeafNode inside = tree.addCondition(group.getId()).orElseThrow();
    LeafNode other = tree.addCondition(root).orElseThrow();

    assertThat(tree.remove(group.getId())).isTrue();
    assertThat(tree.find(inside.getId())).isEmpty();
    assertThat(tree.root().getChildren()).containsExactly(other);
    assertThat(tree.remove(root)).isFalse();
    assertThat(tree.remove(group.getId())).as("already gone").isFalse();
  }

  @Test
  void nodesAreAddedOnlyToGroups() {
    LeafNode leaf = tree.addCondition(root).orElseThrow();

    assertThat(tree.addCondition(leaf.getId())).isEmpty();
    assertThat(tree.addGroup(leaf.getId())).isEmpty();
    assertThat(tree.addCondition(999)).isEmpty();
    assertThat(tree.root().getChildren()).containsExactly(leaf);
  }

  @Test
  void notTogglesOnAndOff() {
    LeafNode leaf = tree.addCondition(root).orElseThrow();

    assertThat(tree.toggleNot(leaf.getId())).isTrue();
    assertThat(leaf.isNegated()).isTrue();
    tree.toggleNot(leaf.getId());
    assertThat(leaf.isNegated()).isFalse();
    assertThat(tree.toggleNot(999)).isFalse();
  }

  @Test
  void groupsNestNoDeeperThanTheModelAllows() {
    int group = root;
    for (int depth = 2; depth <= ConditionDocument.MAX_DEPTH; depth++) {
      group = tree.addGroup(group).orElseThrow().getId();
    }

    assertThat(tree.addGroup(group)).isEmpty();
    assertThat(tree.addCondition(group)).isPresent();
  }

  @Test
  void idsAreUniqueAcrossTheTree() {
    GroupNode group = tree.addGroup(root).orElseThrow();
    LeafNode leaf = tree.addCondition(group.getId()).orElseThrow();

    assertThat(tree.rows().stream().map(r -> r.getNode().getId()).distinct())
        .containsExactlyInAnyOrder(
            root, group.getId(), group.getChildren().get(0).getId(), leaf.getId());
  }
}
