package io.herald.segments.api;

/** Whether a segment's members are complete (Customer.io's segment {@code state}). */
public enum SegmentState {
  /** The members are up to date: every manual segment, and a data segment once computed. */
  FINISHED("finished"),
  /**
   * A data segment whose members are being computed in full (just created, or its conditions just
   * changed): its count grows as the computation proceeds.
   */
  BUILDING("building");

  private final String wireName;

  SegmentState(String wireName) {
    this.wireName = wireName;
  }

  /** Customer.io's name in App API bodies. */
  public String wireName() {
    return wireName;
  }
}
