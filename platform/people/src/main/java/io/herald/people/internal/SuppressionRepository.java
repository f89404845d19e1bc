package io.herald.people.internal;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Suppressed identifiers; ids match as given, emails case-insensitively. */
@ApplicationScoped
public class SuppressionRepository {

  @PersistenceContext(unitName = "people")
  EntityManager em;

  boolean suppressed(long workspaceId, PersonRef ref) {
    if (ref.type() == IdType.CIO_ID) {
      return false;
    }
    return !em.createQuery(
            "SELECT s.id FROM Suppression s WHERE s.workspaceId = :ws AND s.idType = :type"
                + " AND s.idKey = :key",
            Long.class)
        .setParameter("ws", workspaceId)
        .setParameter("type", ref.type())
        .setParameter("key", key(ref))
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** Records {@code ref} as suppressed (no-op when it already is, or for a cio_id). */
  void suppress(long workspaceId, PersonRef ref, Instant now) {
    if (ref.type() != IdType.CIO_ID && !suppressed(workspaceId, ref)) {
      em.persist(new Suppression(workspaceId, ref.type(), key(ref), now));
    }
  }

  /** Lifts the suppression of {@code ref}; returns whether there was one. */
  boolean unsuppress(long workspaceId, PersonRef ref) {
    return em.createQuery(
                "DELETE FROM Suppression s WHERE s.workspaceId = :ws AND s.idType = :type"
                    + " AND s.idKey = :key")
            .setParameter("ws", workspaceId)
            .setParameter("type", ref.type())
            .setParameter("key", key(ref))
            .executeUpdate()
        > 0;
  }

  private static String key(PersonRef ref) {
    return ref.type() == IdType.EMAIL ? Person.emailKey(ref.value()) : ref.value();
  }
}
