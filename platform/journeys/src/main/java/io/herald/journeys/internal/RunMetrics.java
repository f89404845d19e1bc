package io.herald.journeys.internal;

import io.herald.journeys.api.JourneyMetrics;
import io.herald.messaging.api.MessageService;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * A journey's counts: runs by state and conversions from {@code journeys_run}, and the metrics of
 * every delivery it sent (messaging counts them by the journey's idempotency key prefix).
 */
@ApplicationScoped
class RunMetrics {

  @Inject JourneyEngine engine;

  @Inject MessageService messages;

  JourneyMetrics of(WorkspaceId workspace, long journeyId) {
    record Counts(long entered, long active, long completed, long exited, long converted) {}
    Counts counts =
        Transactions.autoCommit(
            engine.dataSource(),
            "journeys metrics",
            c ->
                Sql.list(
                        c,
                        "SELECT COUNT(*), COALESCE(SUM(state = 'active'), 0),"
                            + " COALESCE(SUM(state = 'completed'), 0),"
                            + " COALESCE(SUM(state = 'exited'), 0),"
                            + " COALESCE(SUM(converted_at IS NOT NULL), 0)"
                            + " FROM journeys_run WHERE journey_id = ?",
                        rs ->
                            new Counts(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getLong(3),
                                rs.getLong(4),
                                rs.getLong(5)),
                        journeyId)
                    .get(0));
    Map<String, Long> byMetric = messages.metricTotals(workspace, StepRunner.keyPrefix(journeyId));
    return new JourneyMetrics(
        counts.entered(),
        counts.active(),
        counts.completed(),
        counts.exited(),
        counts.converted(),
        byMetric);
  }
}
