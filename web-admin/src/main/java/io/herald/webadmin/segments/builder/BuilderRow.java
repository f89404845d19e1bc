package io.herald.webadmin.segments.builder;

/**
 * One line of the builder as the view renders it: the tree flattened in order, so one repeat
 * renders any depth (Faces cannot include a template recursively per node). A group gives an
 * opening line (its AND/OR choice) and a closing line (its add buttons); a leaf gives one line.
 */
public final class BuilderRow {

  /** What the line shows. */
  public enum Type {
    /** A group's heading: ALL/ANY, NOT, remove. */
    OPEN,
    /** A leaf's editor. */
    LEAF,
    /** A group's end: add a condition, add a group. */
    CLOSE
  }

  private final Type type;
  private final BuilderNode node;
  private final int depth;
  private final String label;

  BuilderRow(Type type, BuilderNode node, int depth, String label) {
    this.type = type;
    this.node = node;
    this.depth = depth;
    this.label = label;
  }

  public Type getType() {
    return type;
  }

  public BuilderNode getNode() {
    return node;
  }

  /** The node as a group; {@code null} for a leaf line. */
  public GroupNode getGroup() {
    return node instanceof GroupNode g ? g : null;
  }

  /** The node as a leaf; {@code null} for a group line. */
  public LeafNode getLeaf() {
    return node instanceof LeafNode l ? l : null;
  }

  /** 0 for the top group, 1 for its members, and so on. */
  public int getDepth() {
    return depth;
  }

  /** The position shown to the operator, {@code 2.1}; empty for the top group. */
  public String getLabel() {
    return label;
  }

  /**
   * A key naming the line for the view and browser tests: {@code open-top}, {@code leaf-2.1},
   * {@code close-2}.
   */
  public String getKey() {
    return type.name().toLowerCase(java.util.Locale.ROOT) + "-" + (label.isEmpty() ? "top" : label);
  }

  /** Whether this line belongs to the top group (which cannot be removed). */
  public boolean isRoot() {
    return depth == 0;
  }
}
