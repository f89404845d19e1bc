package io.herald.segments.internal.realtime;

import io.herald.segments.api.EngagementRecorder;
import io.herald.shared.persistence.DateTimes;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Writes {@code segments_engagement} rows and the person's re-check request in the caller's JTA
 * transaction (or a new one), or in the caller's JDBC transaction, so a recorded engagement is
 * never missed by the engine.
 */
@ApplicationScoped
public class DefaultEngagementRecorder implements EngagementRecorder {

  private static final Set<String> METRICS =
      Set.of("received", "opened", "clicked", "converted", "unsubscribed");

  @PersistenceContext(unitName = "segments")
  EntityManager em;

  @Inject RecheckRequests rechecks;

  @Inject Clock clock;

  /** For CDI. */
  public DefaultEngagementRecorder() {}

  /**
   * For tests outside a container, which use {@link #recordAll(Connection, List)} only.
   *
   * @param clock the time of the re-check requests
   */
  public DefaultEngagementRecorder(Clock clock) {
    this.clock = clock;
  }

  @Override
  @Transactional
  public void record(
      WorkspaceId workspace,
      String cioId,
      String metric,
      String messageId,
      String campaignId,
      Instant occurredAt) {
    if (!METRICS.contains(metric)) {
      throw new IllegalArgumentException("not an engagement metric: " + metric);
    }
    em.createNativeQuery(
            "INSERT INTO segments_engagement (workspace_id, cio_id, metric, message_id,"
                + " campaign_id, occurred_at) VALUES (?, ?, ?, ?, ?, ?)")
        .setParameter(1, workspace.value())
        .setParameter(2, cioId)
        .setParameter(3, metric)
        .setParameter(4, messageId)
        .setParameter(5, campaignId)
        .setParameter(6, DateTimes.text(occurredAt))
        .executeUpdate();
    rechecks.person(workspace.value(), cioId, "engagement");
  }

  /**
   * One transaction for all of them, written with multi-row statements (a chunk of engagements in
   * one {@code INSERT}, their people's re-check requests in another) instead of two statements
   * each: the sending loop records a whole batch's {@code received} engagements at once.
   */
  @Override
  @Transactional
  public void recordAll(List<Engagement> engagements) {
    checkMetrics(engagements);
    for (int from = 0; from < engagements.size(); from += CHUNK) {
      List<Engagement> chunk =
          engagements.subList(from, Math.min(engagements.size(), from + CHUNK));
      var insert =
          em.createNativeQuery(
              "INSERT INTO segments_engagement (workspace_id, cio_id, metric, message_id,"
                  + " campaign_id, occurred_at) VALUES "
                  + String.join(
                      ", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?)")));
      int p = 1;
      for (Engagement e : chunk) {
        insert
            .setParameter(p++, e.workspace().value())
            .setParameter(p++, e.cioId())
            .setParameter(p++, e.metric())
            .setParameter(p++, e.messageId())
            .setParameter(p++, e.campaignId())
            .setParameter(p++, DateTimes.text(e.occurredAt()));
      }
      insert.executeUpdate();
      rechecks.people(
          chunk.stream()
              .map(e -> new RecheckRequests.Person(e.workspace().value(), e.cioId()))
              .toList(),
          "engagement");
    }
  }

  /**
   * The same rows as {@link #recordAll(List)}, written with plain JDBC on the caller's connection:
   * a chunk of engagements in one {@code INSERT}, their re-check requests in another.
   */
  @Override
  public void recordAll(Connection c, List<Engagement> engagements) throws SQLException {
    checkMetrics(engagements);
    String requestedAt = DateTimes.text(clock.instant());
    for (int from = 0; from < engagements.size(); from += CHUNK) {
      List<Engagement> chunk =
          engagements.subList(from, Math.min(engagements.size(), from + CHUNK));
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO segments_engagement (workspace_id, cio_id, metric, message_id,"
                  + " campaign_id, occurred_at) VALUES "
                  + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?)")))) {
        int p = 1;
        for (Engagement e : chunk) {
          insert.setLong(p++, e.workspace().value());
          insert.setString(p++, e.cioId());
          insert.setString(p++, e.metric());
          insert.setString(p++, e.messageId());
          insert.setString(p++, e.campaignId());
          insert.setString(p++, DateTimes.text(e.occurredAt()));
        }
        insert.executeUpdate();
      }
      try (PreparedStatement request =
          c.prepareStatement(
              "INSERT INTO segments_recheck_request (workspace_id, cio_id, cause, requested_at)"
                  + " VALUES "
                  + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?)")))) {
        int p = 1;
        for (Engagement e : chunk) {
          request.setLong(p++, e.workspace().value());
          request.setString(p++, e.cioId());
          request.setString(p++, "engagement");
          request.setString(p++, requestedAt);
        }
        request.executeUpdate();
      }
    }
  }

  private static void checkMetrics(List<Engagement> engagements) {
    for (Engagement e : engagements) {
      if (!METRICS.contains(e.metric())) {
        throw new IllegalArgumentException("not an engagement metric: " + e.metric());
      }
    }
  }

  /** Rows per statement at most (6 parameters each). */
  static final int CHUNK = 500;
}
