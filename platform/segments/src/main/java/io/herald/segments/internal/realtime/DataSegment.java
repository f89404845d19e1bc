package io.herald.segments.internal.realtime;

import io.herald.segments.api.condition.ConditionDocument;
import java.util.Objects;

/**
 * An active data-driven segment with its parsed conditions.
 *
 * @param id the segment
 * @param workspaceId its workspace
 * @param revision bumped on every change of its conditions
 * @param conditions the condition tree
 * @param mentions what the tree reads
 */
public record DataSegment(
    long id, long workspaceId, int revision, ConditionDocument conditions, Mentions mentions) {

  /** Requires the conditions and what they mention. */
  public DataSegment {
    Objects.requireNonNull(conditions, "conditions");
    Objects.requireNonNull(mentions, "mentions");
  }

  /** A segment whose mentions are read from its tree. */
  public static DataSegment of(
      long id, long workspaceId, int revision, ConditionDocument conditions) {
    return new DataSegment(id, workspaceId, revision, conditions, Mentions.of(conditions.root()));
  }
}
