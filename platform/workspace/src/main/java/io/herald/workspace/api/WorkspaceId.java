package io.herald.workspace.api;

/** Typed id of a workspace; the only workspace reference other modules keep. */
public record WorkspaceId(long value) {

  /** Requires a positive id. */
  public WorkspaceId {
    if (value <= 0) {
      throw new IllegalArgumentException("workspace id must be positive: " + value);
    }
  }
}
