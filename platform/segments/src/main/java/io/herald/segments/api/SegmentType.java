package io.herald.segments.api;

/** How a segment gets its members. */
public enum SegmentType {
  /** Members are added and removed by API calls (and later by journey actions and imports). */
  MANUAL("manual"),
  /** Members are computed from conditions (issue #4); Customer.io calls these "dynamic". */
  DATA("dynamic");

  private final String wireName;

  SegmentType(String wireName) {
    this.wireName = wireName;
  }

  /** Customer.io's name in App API bodies: {@code manual} or {@code dynamic}. */
  public String wireName() {
    return wireName;
  }
}
