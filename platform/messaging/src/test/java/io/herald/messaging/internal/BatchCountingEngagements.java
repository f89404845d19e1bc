package io.herald.messaging.internal;

import io.herald.segments.api.EngagementRecorder;
import io.herald.workspace.api.WorkspaceId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * An engagement recorder for the sending-loop tests: single engagements go to {@code single}, the
 * batches written on a loop's connection to {@code onConnection} (their sizes in {@code batches}),
 * and batches written apart through the default (their sizes in {@code apart}).
 */
final class BatchCountingEngagements implements EngagementRecorder {

  private final EngagementRecorder single;
  private final EngagementRecorder onConnection;
  private final List<Integer> batches;
  private final List<Integer> apart;

  BatchCountingEngagements(
      EngagementRecorder single,
      EngagementRecorder onConnection,
      List<Integer> batches,
      List<Integer> apart) {
    this.single = single;
    this.onConnection = onConnection;
    this.batches = batches;
    this.apart = apart;
  }

  @Override
  public void record(
      WorkspaceId ws,
      String cioId,
      String metric,
      String messageId,
      String campaignId,
      Instant occurredAt) {
    single.record(ws, cioId, metric, messageId, campaignId, occurredAt);
  }

  @Override
  public void recordAll(List<Engagement> all) {
    apart.add(all.size());
    EngagementRecorder.super.recordAll(all);
  }

  @Override
  public void recordAll(Connection c, List<Engagement> all) throws SQLException {
    batches.add(all.size());
    onConnection.recordAll(c, all);
  }
}
