package io.herald.segments.api;

/** Whether a write to a segment could be applied. */
public enum WriteOutcome {
  /** Applied. */
  DONE,
  /** No segment with that id in the workspace; nothing changed. */
  NO_SUCH_SEGMENT,
  /** The segment is data-driven: its members follow its conditions; nothing changed. */
  NOT_MANUAL
}
