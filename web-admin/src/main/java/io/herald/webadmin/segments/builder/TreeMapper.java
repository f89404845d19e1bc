package io.herald.webadmin.segments.builder;

import io.herald.segments.api.condition.All;
import io.herald.segments.api.condition.Any;
import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.Not;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Converts between the builder's {@link ConditionTree} and a {@link ConditionDocument}.
 *
 * <p>Both ways are exact for every tree the builder can show, with two normalisations of documents
 * written elsewhere (the API): a root that is not a group becomes the only member of a top ALL
 * group, and a chain of NOTs collapses to one NOT or none (NOT NOT x is x). Both keep what the
 * segment selects.
 */
public final class TreeMapper {

  private TreeMapper() {}

  /**
   * The tree as a document, or empty after recording in {@code problems} every leaf whose fields do
   * not make a condition.
   */
  public static Optional<ConditionDocument> toDocument(ConditionTree tree, Problems problems) {
    Condition root = convert(tree.root(), "", problems);
    return problems.isEmpty() ? Optional.of(ConditionDocument.of(root)) : Optional.empty();
  }

  private static Condition convert(BuilderNode node, String label, Problems problems) {
    Condition condition;
    if (node instanceof GroupNode group) {
      List<Condition> members = new ArrayList<>();
      List<BuilderNode> children = group.getChildren();
      for (int i = 0; i < children.size(); i++) {
        members.add(convert(children.get(i), ConditionTree.childLabel(label, i), problems));
      }
      if (members.stream().anyMatch(Objects::isNull)) {
        return null;
      }
      condition = group.getKind() == GroupNode.Kind.ALL ? new All(members) : new Any(members);
    } else {
      condition = ((LeafNode) node).toCondition(problems.at(node.getId(), "Condition " + label));
      if (condition == null) {
        return null;
      }
    }
    return node.isNegated() ? new Not(condition) : condition;
  }

  /** The tree that shows {@code document}. */
  public static ConditionTree fromDocument(ConditionDocument document) {
    boolean negated = false;
    Condition top = document.root();
    while (top instanceof Not not) {
      negated = !negated;
      top = not.condition();
    }
    if (top instanceof All || top instanceof Any) {
      ConditionTree tree =
          new ConditionTree(top instanceof All ? GroupNode.Kind.ALL : GroupNode.Kind.ANY);
      tree.root().setNegated(negated);
      members(top).forEach(c -> tree.root().getChildren().add(node(tree, c)));
      return tree;
    }
    ConditionTree tree = new ConditionTree();
    tree.root().getChildren().add(node(tree, document.root()));
    return tree;
  }

  private static BuilderNode node(ConditionTree tree, Condition condition) {
    boolean negated = false;
    Condition c = condition;
    while (c instanceof Not not) {
      negated = !negated;
      c = not.condition();
    }
    BuilderNode node;
    if (c instanceof All || c instanceof Any) {
      GroupNode group = tree.newGroup(c instanceof All ? GroupNode.Kind.ALL : GroupNode.Kind.ANY);
      members(c).forEach(m -> group.getChildren().add(node(tree, m)));
      node = group;
    } else {
      LeafNode leaf = tree.newLeaf();
      leaf.read(c);
      node = leaf;
    }
    node.setNegated(negated);
    return node;
  }

  private static List<Condition> members(Condition group) {
    return group instanceof All all ? all.conditions() : ((Any) group).conditions();
  }
}
