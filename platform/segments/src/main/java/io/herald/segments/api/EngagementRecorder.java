package io.herald.segments.api;

import io.herald.workspace.api.WorkspaceId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Where messaging reports a person's engagement with a message (received, opened, clicked,
 * converted, unsubscribed), so engagement conditions of data-driven segments see it and the
 * person's segments are re-evaluated.
 */
public interface EngagementRecorder {

  /**
   * Records one engagement and asks for the person's re-evaluation, in one transaction.
   *
   * @param metric {@code received}, {@code opened}, {@code clicked}, {@code converted} or {@code
   *     unsubscribed}
   * @param messageId the message (for transactional messages: its id), may be null
   * @param campaignId the campaign or broadcast, may be null
   * @throws IllegalArgumentException for another metric
   */
  void record(
      WorkspaceId workspace,
      String cioId,
      String metric,
      String messageId,
      String campaignId,
      Instant occurredAt);

  /**
   * One engagement for {@link #recordAll}.
   *
   * @param metric {@code received}, {@code opened}, {@code clicked}, {@code converted} or {@code
   *     unsubscribed}
   */
  record Engagement(
      WorkspaceId workspace,
      String cioId,
      String metric,
      String messageId,
      String campaignId,
      Instant occurredAt) {}

  /**
   * Records many engagements and asks for their people's re-evaluation, all in one transaction (a
   * sending loop's batch: one commit instead of one per message).
   *
   * @throws IllegalArgumentException for another metric (nothing is recorded)
   */
  default void recordAll(List<Engagement> engagements) {
    for (Engagement e : engagements) {
      record(e.workspace(), e.cioId(), e.metric(), e.messageId(), e.campaignId(), e.occurredAt());
    }
  }

  /**
   * {@link #recordAll(List)} on the caller's JDBC connection, in the transaction the caller holds
   * open and commits: a sending loop writes a batch's {@code received} engagements in the
   * transaction that records the batch's outcomes, so both cost one commit. Nothing is committed
   * here; if the caller rolls back, neither the engagements nor their re-check requests stay.
   *
   * @param c a connection in a transaction (auto-commit off) on Herald's database
   * @throws IllegalArgumentException for another metric (nothing is written)
   * @throws SQLException when a statement fails; the caller should roll back
   */
  void recordAll(Connection c, List<Engagement> engagements) throws SQLException;
}
