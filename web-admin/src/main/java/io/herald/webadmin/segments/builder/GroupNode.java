package io.herald.webadmin.segments.builder;

import java.util.ArrayList;
import java.util.List;

/** An AND or OR group of conditions and groups. */
public final class GroupNode extends BuilderNode {

  private static final long serialVersionUID = 1L;

  /** How a group combines its members. */
  public enum Kind {
    /** AND: all members must hold (an empty group holds). */
    ALL,
    /** OR: at least one member must hold (an empty group never holds). */
    ANY
  }

  private Kind kind;
  private final List<BuilderNode> children = new ArrayList<>();

  GroupNode(int id, Kind kind) {
    super(id);
    this.kind = kind;
  }

  public Kind getKind() {
    return kind;
  }

  public void setKind(Kind kind) {
    this.kind = kind == null ? Kind.ALL : kind;
  }

  /** The members, in order (changed through {@link ConditionTree}). */
  public List<BuilderNode> getChildren() {
    return children;
  }

  @Override
  public boolean isGroup() {
    return true;
  }
}
