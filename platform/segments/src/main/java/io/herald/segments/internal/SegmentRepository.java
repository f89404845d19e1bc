package io.herald.segments.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

  void add(Segment segment) {
    em.persist(segment);
    em.flush(); // assigns the id the caller answers with
  }

  /** Deletes the segment; its memberships go with it (ON DELETE CASCADE). */
  void remove(Segment segment) {
    em.remove(segment);
  }
}
