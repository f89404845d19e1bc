package io.herald.webadmin.segments.builder;

import java.io.Serializable;

/**
 * A node of the builder's tree: a {@link GroupNode} or a {@link LeafNode}. Each has an id unique in
 * its {@link ConditionTree} (what the view's buttons name) and a NOT toggle.
 */
public abstract sealed class BuilderNode implements Serializable permits GroupNode, LeafNode {

  private static final long serialVersionUID = 1L;

  private final int id;
  private boolean negated;

  BuilderNode(int id) {
    this.id = id;
  }

  public int getId() {
    return id;
  }

  /** Whether the node is wrapped in NOT. */
  public boolean isNegated() {
    return negated;
  }

  public void setNegated(boolean negated) {
    this.negated = negated;
  }

  /** Whether this is a group (the view renders groups and leaves differently). */
  public abstract boolean isGroup();
}
