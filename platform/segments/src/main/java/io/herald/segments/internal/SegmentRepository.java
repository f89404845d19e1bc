package io.herald.segments.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Finds and stores the segments of a workspace. */
@ApplicationScoped
public class SegmentRepository {

  @PersistenceContext(unitName = "segments")
  EntityManager em;

  Optional<Segment> find(long workspaceId, long segmentId) {
    return em.createQuery(
            "SELECT s FROM Segment s WHERE s.workspaceId = :ws AND s.id = :id", Segment.class)
        .setParameter("ws", workspaceId)
        .setParameter("id", segmentId)
        .getResultStream()
        .findFirst();
  }

  List<Segment> list(long workspaceId) {
    return em.createQuery(
            "SELECT s FROM Segment s WHERE s.workspaceId = :ws ORDER BY s.id", Segment.class)
        .setParameter("ws", workspaceId)
        .getResultList();
  }

  /**
   * Every segment of the workspace, locked for this transaction ({@code SELECT … FOR UPDATE}, in id
   * order): writes that change which segments name which (creating or redefining a data segment,
   * deleting a segment) take this lock first, so two of them never check a cycle or a reference
   * against each other's unfinished state.
   */
  List<Segment> lockAll(long workspaceId) {
    return em.createQuery(
            "SELECT s FROM Segment s WHERE s.workspaceId = :ws ORDER BY s.id", Segment.class)
        .setParameter("ws", workspaceId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  /** The segments the person is a member of, by id. */
  List<Segment> ofPerson(long workspaceId, String cioId) {
    return em.createQuery(
            "SELECT s FROM Segment s WHERE s.workspaceId = :ws AND s.id IN"
                + " (SELECT m.segmentId FROM Membership m WHERE m.workspaceId = :ws"
                + " AND m.cioId = :cio) ORDER BY s.id",
            Segment.class)
        .setParameter("ws", workspaceId)
        .setParameter("cio", cioId)
        .getResultList();
  }

  void flush() {
    em.flush();
  }

  void add(Segment segment) {
    em.persist(segment);
    em.flush(); // assigns the id the caller answers with
  }

  /** Deletes the segment; its memberships go with it (ON DELETE CASCADE). */
  void remove(Segment segment) {
    em.remove(segment);
  }
}
