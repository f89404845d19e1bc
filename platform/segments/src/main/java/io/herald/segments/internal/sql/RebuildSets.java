package io.herald.segments.internal.sql;

import io.herald.segments.api.condition.Condition;
import io.herald.workspace.api.WorkspaceId;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The sets a full rebuild computes in the database, in its staging tables: who matches, and when
 * time alone can change someone's result. Agrees with {@link SegmentQueries} and with {@link
 * io.herald.segments.internal.evaluate.PersonEvaluator}.
 */
public interface RebuildSets {

  /**
   * Stores every matching person of the workspace in {@code segments_rebuild_match} under {@code
   * segmentId} and {@code run}: one {@code INSERT … SELECT} that reads the people (or, when the
   * tree has some, only its candidates: see {@code CandidateSql}) in READ COMMITTED, so it locks
   * none of the rows it reads and never makes a writer wait.
   *
   * @return how many people were stored
   */
  long collect(
      WorkspaceId workspace,
      Condition condition,
      Instant now,
      ZoneId workspaceZone,
      long segmentId,
      long run);

  /**
   * Stores in {@code segments_rebuild_timer}, under {@code segmentId} and {@code run}, the people
   * whose result time alone can change, each with the earliest time it can ({@code TimerSql}).
   * Nothing when the tree does not move with the clock.
   *
   * @return how many rows the statements wrote
   */
  long timers(
      WorkspaceId workspace,
      Condition condition,
      Instant now,
      ZoneId workspaceZone,
      long segmentId,
      long run);
}
