package io.herald.segments.internal;

import io.herald.segments.api.MembershipChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds and stores segment memberships. */
@ApplicationScoped
public class MembershipRepository {

  /** Values per IN list. */
  private static final int CHUNK = 500;

  @PersistenceContext(unitName = "segments")
  EntityManager em;

  /** The memberships of {@code segmentId} among {@code cioIds}. */
  List<Membership> among(long segmentId, Collection<String> cioIds) {
    List<Membership> found = new ArrayList<>();
    List<String> all = List.copyOf(cioIds);
    for (int from = 0; from < all.size(); from += CHUNK) {
      found.addAll(
          em.createQuery(
                  "SELECT m FROM Membership m WHERE m.segmentId = :segment AND m.cioId IN :ids",
                  Membership.class)
              .setParameter("segment", segmentId)
              .setParameter("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
              .getResultList());
    }
    return found;
  }

  /** Which of {@code cioIds} are members of {@code segmentId} (no entities loaded). */
  Set<String> presentAmong(long segmentId, Collection<String> cioIds) {
    Set<String> present = new HashSet<>();
    List<String> all = List.copyOf(cioIds);
    for (int from = 0; from < all.size(); from += CHUNK) {
      present.addAll(
          em.createQuery(
                  "SELECT m.cioId FROM Membership m WHERE m.segmentId = :segment"
                      + " AND m.cioId IN :ids",
                  String.class)
              .setParameter("segment", segmentId)
              .setParameter("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
              .getResultList());
    }
    return present;
  }

  /** Up to {@code limit} members after the row id {@code after}, as {@code [id, cio_id]} rows. */
  List<Object[]> page(long segmentId, long after, int limit) {
    return em.createQuery(
            "SELECT m.id, m.cioId FROM Membership m WHERE m.segmentId = :segment AND m.id > :after"
                + " ORDER BY m.id",
            Object[].class)
        .setParameter("segment", segmentId)
        .setParameter("after", after)
        .setMaxResults(limit)
        .getResultList();
  }

  long count(long segmentId) {
    return em.createQuery(
            "SELECT COUNT(m) FROM Membership m WHERE m.segmentId = :segment", Long.class)
        .setParameter("segment", segmentId)
        .getSingleResult();
  }

  boolean isMember(long segmentId, String cioId) {
    return !em.createQuery(
            "SELECT m.id FROM Membership m WHERE m.segmentId = :segment AND m.cioId = :cio",
            Long.class)
        .setParameter("segment", segmentId)
        .setParameter("cio", cioId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** Every membership of one person in the workspace. */
  List<Membership> ofPerson(long workspaceId, String cioId) {
    return em.createQuery(
            "SELECT m FROM Membership m WHERE m.workspaceId = :ws AND m.cioId = :cio",
            Membership.class)
        .setParameter("ws", workspaceId)
        .setParameter("cio", cioId)
        .getResultList();
  }

  int removeOfPerson(long workspaceId, String cioId) {
    return em.createQuery("DELETE FROM Membership m WHERE m.workspaceId = :ws AND m.cioId = :cio")
        .setParameter("ws", workspaceId)
        .setParameter("cio", cioId)
        .executeUpdate();
  }

  /** Drops the person's re-check timer (and lock row) of the real-time engine. */
  void forgetRechecks(long workspaceId, String cioId) {
    em.createNativeQuery("DELETE FROM segments_recheck WHERE workspace_id = ? AND cio_id = ?")
        .setParameter(1, workspaceId)
        .setParameter(2, cioId)
        .executeUpdate();
  }

  /**
   * A segment's most recent enters and exits, newest first ({@code segments_membership_change},
   * written by the real-time engine; read with plain SQL, it has no entity here).
   */
  List<MembershipChange> recentChanges(long segmentId, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, segment_id, cio_id, entered, cause, changed_at"
                    + " FROM segments_membership_change WHERE segment_id = ?"
                    + " ORDER BY id DESC LIMIT ?")
            .setParameter(1, segmentId)
            .setParameter(2, limit)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new MembershipChange(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    (String) r[2],
                    truth(r[3]),
                    (String) r[4],
                    instant(r[5])))
        .toList();
  }

  /** A BOOLEAN (TINYINT(1)) column as the driver returns it. */
  private static boolean truth(Object value) {
    return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
  }

  /** A DATETIME column as the driver returns it; the connection runs in UTC. */
  private static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC);
    }
    throw new IllegalStateException("unexpected DATETIME value " + value.getClass());
  }

  void add(Membership membership) {
    em.persist(membership);
  }

  void remove(Membership membership) {
    em.remove(membership);
  }

  void flush() {
    em.flush();
  }
}
