package io.herald.webadmin.segments.builder;

import io.herald.segments.api.condition.ConditionDocument;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The builder's editable tree: a top group (ALL by default) of leaves and nested groups, changed by
 * node id as the view's buttons ask. Convert with {@link TreeMapper}.
 */
public final class ConditionTree implements Serializable {

  private static final long serialVersionUID = 1L;

  private int lastId;
  private final GroupNode root;

  /** An empty tree: a top ALL group without members (everyone). */
  public ConditionTree() {
    this(GroupNode.Kind.ALL);
  }

  ConditionTree(GroupNode.Kind rootKind) {
    root = newGroup(rootKind);
  }

  /** The top group. */
  public GroupNode root() {
    return root;
  }

  GroupNode newGroup(GroupNode.Kind kind) {
    return new GroupNode(++lastId, kind);
  }

  LeafNode newLeaf() {
    return new LeafNode(++lastId);
  }

  /** The node with this id. */
  public Optional<BuilderNode> find(int id) {
    return find(root, id);
  }

  private static Optional<BuilderNode> find(BuilderNode node, int id) {
    if (node.getId() == id) {
      return Optional.of(node);
    }
    if (node instanceof GroupNode group) {
      for (BuilderNode child : group.getChildren()) {
        Optional<BuilderNode> found = find(child, id);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** Appends an attribute leaf to the group {@code groupId}; empty when there is no such group. */
  public Optional<LeafNode> addCondition(int groupId) {
    return group(groupId)
        .map(
            g -> {
              LeafNode leaf = newLeaf();
              g.getChildren().add(leaf);
              return leaf;
            });
  }

  /**
   * Appends an ALL group holding one attribute leaf to the group {@code groupId}; empty when there
   * is no such group or the new group would be deeper than {@link ConditionDocument#MAX_DEPTH}.
   */
  public Optional<GroupNode> addGroup(int groupId) {
    Optional<GroupNode> parent = group(groupId);
    if (parent.isEmpty() || depthOf(root, groupId, 1) + 1 > ConditionDocument.MAX_DEPTH) {
      return Optional.empty();
    }
    GroupNode group = newGroup(GroupNode.Kind.ALL);
    group.getChildren().add(newLeaf());
    parent.get().getChildren().add(group);
    return Optional.of(group);
  }

  /** Removes the node {@code nodeId} with everything in it; the top group stays. */
  public boolean remove(int nodeId) {
    return nodeId != root.getId() && remove(root, nodeId);
  }

  private static boolean remove(GroupNode group, int nodeId) {
    if (group.getChildren().removeIf(c -> c.getId() == nodeId)) {
      return true;
    }
    for (BuilderNode child : group.getChildren()) {
      if (child instanceof GroupNode g && remove(g, nodeId)) {
        return true;
      }
    }
    return false;
  }

  /** Turns NOT on or off for the node {@code nodeId}; false when there is no such node. */
  public boolean toggleNot(int nodeId) {
    Optional<BuilderNode> node = find(nodeId);
    node.ifPresent(n -> n.setNegated(!n.isNegated()));
    return node.isPresent();
  }

  private Optional<GroupNode> group(int id) {
    return find(id).filter(GroupNode.class::isInstance).map(GroupNode.class::cast);
  }

  private static int depthOf(BuilderNode node, int id, int depth) {
    if (node.getId() == id) {
      return depth;
    }
    if (node instanceof GroupNode group) {
      for (BuilderNode child : group.getChildren()) {
        int found = depthOf(child, id, depth + 1);
        if (found > 0) {
          return found;
        }
      }
    }
    return 0;
  }

  /** The lines the view renders, in tree order. */
  public List<BuilderRow> rows() {
    List<BuilderRow> rows = new ArrayList<>();
    flatten(root, 0, "", rows);
    return rows;
  }

  private static void flatten(BuilderNode node, int depth, String label, List<BuilderRow> rows) {
    if (node instanceof GroupNode group) {
      rows.add(new BuilderRow(BuilderRow.Type.OPEN, group, depth, label));
      List<BuilderNode> children = group.getChildren();
      for (int i = 0; i < children.size(); i++) {
        flatten(children.get(i), depth + 1, childLabel(label, i), rows);
      }
      rows.add(new BuilderRow(BuilderRow.Type.CLOSE, group, depth, label));
    } else {
      rows.add(new BuilderRow(BuilderRow.Type.LEAF, node, depth, label));
    }
  }

  /** The label of the {@code index}th (from 0) member of the group labelled {@code parent}. */
  static String childLabel(String parent, int index) {
    return parent.isEmpty() ? Integer.toString(index + 1) : parent + "." + (index + 1);
  }
}
