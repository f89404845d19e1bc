package io.herald.webadmin.segments.builder;

import io.herald.segments.api.condition.SegmentCondition;
import java.io.Serializable;

/** A segment membership leaf: in another segment of the workspace, chosen by id. */
public final class SegmentLeaf implements Serializable {

  private static final long serialVersionUID = 1L;

  private String segmentId = "";

  void read(SegmentCondition condition) {
    segmentId = Long.toString(condition.segmentId());
  }

  SegmentCondition toCondition(Problems.Scope problems) {
    String id = segmentId.trim();
    if (id.isEmpty()) {
      problems.add("segment", "choose a segment");
      return null;
    }
    try {
      return new SegmentCondition(Long.parseLong(id));
    } catch (NumberFormatException e) {
      problems.add("segment", "'" + id + "' is not a segment id");
      return null;
    }
  }

  /** The chosen segment's id as text ({@code ""} for none), as the select submits it. */
  public String getSegmentId() {
    return segmentId;
  }

  public void setSegmentId(String segmentId) {
    this.segmentId = segmentId == null ? "" : segmentId;
  }
}
