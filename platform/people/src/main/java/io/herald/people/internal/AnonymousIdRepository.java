package io.herald.people.internal;

import io.herald.shared.persistence.DateTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Which person each anonymous id became ({@code people_anonymous_id}). An anonymous id belongs to
 * one person; identifying another person with it moves it (the latest identify wins).
 */
@ApplicationScoped
public class AnonymousIdRepository {

  @PersistenceContext(unitName = "people")
  EntityManager em;

  void link(long workspaceId, String anonymousId, String cioId, Instant now) {
    em.createNativeQuery(
            "INSERT INTO people_anonymous_id (workspace_id, anonymous_id, person_cio_id, linked_at)"
                + " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                + " person_cio_id = VALUES(person_cio_id), linked_at = VALUES(linked_at)")
        .setParameter(1, workspaceId)
        .setParameter(2, anonymousId)
        .setParameter(3, cioId)
        .setParameter(4, DateTimes.text(now))
        .executeUpdate();
  }

  Optional<String> personOf(long workspaceId, String anonymousId) {
    return em.createNativeQuery(
            "SELECT person_cio_id FROM people_anonymous_id"
                + " WHERE workspace_id = ? AND anonymous_id = ?")
        .setParameter(1, workspaceId)
        .setParameter(2, anonymousId)
        .getResultStream()
        .findFirst()
        .map(Object::toString);
  }

  void moveAll(long workspaceId, String fromCioId, String toCioId) {
    em.createNativeQuery(
            "UPDATE people_anonymous_id SET person_cio_id = ?"
                + " WHERE workspace_id = ? AND person_cio_id = ?")
        .setParameter(1, toCioId)
        .setParameter(2, workspaceId)
        .setParameter(3, fromCioId)
        .executeUpdate();
  }

  void forget(long workspaceId, String cioId) {
    em.createNativeQuery(
            "DELETE FROM people_anonymous_id WHERE workspace_id = ? AND person_cio_id = ?")
        .setParameter(1, workspaceId)
        .setParameter(2, cioId)
        .executeUpdate();
  }
}
