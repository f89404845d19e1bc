package io.herald.segments.internal.sql;

import io.herald.segments.api.condition.Condition;
import io.herald.workspace.api.WorkspaceId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Who matches a condition tree, computed by the database. Agrees with {@link
 * io.herald.segments.internal.evaluate.PersonEvaluator} on every tree and data set.
 */
public interface SegmentQueries {

  /** How many people of the workspace match at {@code now}. */
  long count(WorkspaceId workspace, Condition condition, Instant now, ZoneId workspaceZone);

  /**
   * The next batch of matching people in ascending person order, after the person key {@code
   * afterKey} (0 for the first batch), at most {@code limit}. Each batch is one short query, so a
   * whole-segment computation never holds locks or a transaction across batches.
   */
  List<Match> batch(
      WorkspaceId workspace,
      Condition condition,
      Instant now,
      ZoneId workspaceZone,
      long afterKey,
      int limit);

  /**
   * The next batch of ALL people of the workspace (matching or not) after {@code afterKey}, with
   * whether each matches: what a rebuild needs to find both enters and exits in one pass.
   */
  List<Verdict> verdicts(
      WorkspaceId workspace,
      Condition condition,
      Instant now,
      ZoneId workspaceZone,
      long afterKey,
      int limit);

  /**
   * A matching person.
   *
   * @param key the person's row key ({@code people_person.id}), the paging cursor
   * @param cioId the person
   */
  record Match(long key, String cioId) {}

  /**
   * A person and whether they match.
   *
   * @param key the person's row key, the paging cursor
   * @param cioId the person
   * @param matches whether they match
   */
  record Verdict(long key, String cioId, boolean matches) {}
}
