package io.herald.exports.internal;

import io.herald.exports.api.ExportStatus;
import io.herald.shared.persistence.DateTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores exports and their chunks. Every change the job makes is conditional on the export still
 * being pending, so once a sweep has failed an export a late job can neither revive nor extend it:
 * its next write reports {@code false} and the job stops.
 *
 * <p>Reads run in a transaction too. Outside one, Payara hands out a non-transactional entity
 * manager registered on the current invocation, and the export job started from that request on the
 * managed executor carries the same invocation: whichever thread ended it first closed the manager,
 * and the request's own end then failed with "closed EntityManager" (a 500 on {@code POST
 * /v1/exports/customers}, seen once in CI on the external database).
 */
@ApplicationScoped
public class ExportRepository {

  private static final String PENDING = ExportStatus.PENDING.wire();

  @PersistenceContext(unitName = "exports")
  EntityManager em;

  @Transactional
  Export create(Export export) {
    em.persist(export);
    em.flush();
    return export;
  }

  @Transactional
  Optional<Export> find(long workspaceId, long id) {
    return find(id).filter(e -> e.workspaceId() == workspaceId);
  }

  @Transactional
  Optional<Export> find(long id) {
    return em.createQuery("SELECT e FROM Export e WHERE e.id = :id", Export.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  /** The workspace's exports, newest first. */
  @Transactional
  List<Export> list(long workspaceId) {
    return em.createQuery(
            "SELECT e FROM Export e WHERE e.workspaceId = :ws ORDER BY e.id DESC", Export.class)
        .setParameter("ws", workspaceId)
        .getResultList();
  }

  /**
   * Records progress (the heartbeat) of a pending export.
   *
   * @return whether the export is still pending (otherwise the job must stop)
   */
  @Transactional
  boolean progress(long id, long scanned, long total, Instant now) {
    return em.createNativeQuery(
                "UPDATE exports_export SET scanned = ?, total = ?, progress_at = ?, updated_at = ?"
                    + " WHERE id = ? AND status = ?")
            .setParameter(1, scanned)
            .setParameter(2, total)
            .setParameter(3, DateTimes.text(now))
            .setParameter(4, DateTimes.text(now))
            .setParameter(5, id)
            .setParameter(6, PENDING)
            .executeUpdate()
        == 1;
  }

  /** Adds data chunk {@code seq} with the progress it completes; false when no longer pending. */
  @Transactional
  boolean appendChunk(long id, int seq, String body, long scanned, long total, Instant now) {
    if (!progress(id, scanned, total, now)) {
      return false;
    }
    em.persist(new ExportChunk(id, seq, body));
    em.createNativeQuery("UPDATE exports_export SET chunks = ? WHERE id = ?")
        .setParameter(1, seq)
        .setParameter(2, id)
        .executeUpdate();
    return true;
  }

  /**
   * The body of chunk {@code seq}, if it exists. In a transaction of its own when called without
   * one: the job calls it on a managed-executor thread, where non-transactional queries fail.
   */
  @Transactional
  Optional<String> chunk(long id, int seq) {
    return em.createQuery(
            "SELECT c.body FROM ExportChunk c WHERE c.exportId = :id AND c.seq = :seq",
            String.class)
        .setParameter("id", id)
        .setParameter("seq", seq)
        .getResultStream()
        .findFirst();
  }

  /** Replaces the body of chunk {@code seq} (JSON lines by CSV); false when no longer pending. */
  @Transactional
  boolean rewriteChunk(long id, int seq, String body, long scanned, long total, Instant now) {
    if (!progress(id, scanned, total, now)) {
      return false;
    }
    em.createNativeQuery("UPDATE exports_chunk SET body = ? WHERE export_id = ? AND seq = ?")
        .setParameter(1, body)
        .setParameter(2, id)
        .setParameter(3, seq)
        .executeUpdate();
    return true;
  }

  /** Writes the header (chunk 0) and marks the export done; false when no longer pending. */
  @Transactional
  boolean finish(long id, String header, long scanned, long total, Instant now) {
    int updated =
        em.createNativeQuery(
                "UPDATE exports_export SET status = ?, scanned = ?, total = ?, progress_at = ?,"
                    + " updated_at = ? WHERE id = ? AND status = ?")
            .setParameter(1, ExportStatus.DONE.wire())
            .setParameter(2, scanned)
            .setParameter(3, total)
            .setParameter(4, DateTimes.text(now))
            .setParameter(5, DateTimes.text(now))
            .setParameter(6, id)
            .setParameter(7, PENDING)
            .executeUpdate();
    if (updated != 1) {
      return false;
    }
    em.persist(new ExportChunk(id, 0, header));
    return true;
  }

  /**
   * Marks a pending export failed with {@code reason} and drops its partial file.
   *
   * @return whether it was pending
   */
  @Transactional
  boolean fail(long id, String reason, Instant now) {
    String bounded = reason.length() > 1000 ? reason.substring(0, 997) + "..." : reason;
    int updated =
        em.createNativeQuery(
                "UPDATE exports_export SET status = ?, failure_reason = ?, updated_at = ?"
                    + " WHERE id = ? AND status = ?")
            .setParameter(1, ExportStatus.FAILED.wire())
            .setParameter(2, bounded)
            .setParameter(3, DateTimes.text(now))
            .setParameter(4, id)
            .setParameter(5, PENDING)
            .executeUpdate();
    if (updated == 1) {
      em.createNativeQuery("DELETE FROM exports_chunk WHERE export_id = ?")
          .setParameter(1, id)
          .executeUpdate();
    }
    return updated == 1;
  }

  /** Pending exports whose last progress is older than {@code cutoff} (any workspace). */
  @Transactional
  List<Long> stale(Instant cutoff) {
    List<?> ids =
        em.createNativeQuery(
                "SELECT id FROM exports_export WHERE status = ? AND progress_at < ? ORDER BY id")
            .setParameter(1, PENDING)
            .setParameter(2, DateTimes.text(cutoff))
            .getResultList();
    return ids.stream().map(id -> ((Number) id).longValue()).toList();
  }

  /** Counts one download. */
  @Transactional
  void countDownload(long id) {
    em.createNativeQuery("UPDATE exports_export SET downloads = downloads + 1 WHERE id = ?")
        .setParameter(1, id)
        .executeUpdate();
  }
}
