package io.herald.webadmin.segments.builder;

import io.herald.segments.api.condition.AttributeCondition;
import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.DeviceCondition;
import io.herald.segments.api.condition.EngagementCondition;
import io.herald.segments.api.condition.EventCondition;
import io.herald.segments.api.condition.RelationshipCondition;
import io.herald.segments.api.condition.SegmentCondition;

/**
 * A leaf: its kind and an editor for every kind, so switching the kind back and forth keeps what
 * was typed. Only the chosen kind's editor becomes a condition.
 */
public final class LeafNode extends BuilderNode {

  private static final long serialVersionUID = 1L;

  private LeafKind kind = LeafKind.ATTRIBUTE;
  private final AttributeLeaf attribute = new AttributeLeaf();
  private final EventLeaf event = new EventLeaf();
  private final EngagementLeaf engagement = new EngagementLeaf();
  private final RelationshipLeaf relationship = new RelationshipLeaf();
  private final SegmentLeaf segment = new SegmentLeaf();
  private final DeviceLeaf device = new DeviceLeaf();

  LeafNode(int id) {
    super(id);
  }

  /** Shows {@code leaf}, which must not be a group. */
  void read(Condition leaf) {
    if (leaf instanceof AttributeCondition c) {
      kind = LeafKind.ATTRIBUTE;
      attribute.read(c);
    } else if (leaf instanceof EventCondition c) {
      kind = LeafKind.EVENT;
      event.read(c);
    } else if (leaf instanceof EngagementCondition c) {
      kind = LeafKind.ENGAGEMENT;
      engagement.read(c);
    } else if (leaf instanceof RelationshipCondition c) {
      kind = LeafKind.RELATIONSHIP;
      relationship.read(c);
    } else if (leaf instanceof SegmentCondition c) {
      kind = LeafKind.SEGMENT;
      segment.read(c);
    } else if (leaf instanceof DeviceCondition c) {
      kind = LeafKind.DEVICE;
      device.read(c);
    } else {
      throw new IllegalArgumentException("not a leaf: " + leaf.getClass().getSimpleName());
    }
  }

  /** The chosen kind's condition (without NOT), or {@code null} after reporting problems. */
  Condition toCondition(Problems.Scope problems) {
    return switch (kind) {
      case ATTRIBUTE -> attribute.toCondition(problems);
      case EVENT -> event.toCondition(problems);
      case ENGAGEMENT -> engagement.toCondition(problems);
      case RELATIONSHIP -> relationship.toCondition(problems);
      case SEGMENT -> segment.toCondition(problems);
      case DEVICE -> device.toCondition(problems);
    };
  }

  public LeafKind getKind() {
    return kind;
  }

  public void setKind(LeafKind kind) {
    this.kind = kind == null ? LeafKind.ATTRIBUTE : kind;
  }

  public AttributeLeaf getAttribute() {
    return attribute;
  }

  public EventLeaf getEvent() {
    return event;
  }

  public EngagementLeaf getEngagement() {
    return engagement;
  }

  public RelationshipLeaf getRelationship() {
    return relationship;
  }

  public SegmentLeaf getSegment() {
    return segment;
  }

  public DeviceLeaf getDevice() {
    return device;
  }

  @Override
  public boolean isGroup() {
    return false;
  }
}
