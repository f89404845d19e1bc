package io.herald.segments.internal.realtime;

import io.herald.shared.persistence.DateTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Collections;
import java.util.List;

/**
 * Appends rows to {@code segments_recheck_request} in the caller's JTA transaction: the durable
 * record that people must be re-evaluated, written atomically with the change that calls for it.
 * The table is append-only, so the caller never waits on a lock the engine holds.
 */
@ApplicationScoped
public class RecheckRequests {

  @PersistenceContext(unitName = "segments")
  EntityManager em;

  @Inject Clock clock;

  /** The person must be re-evaluated for every data segment of the workspace. */
  public void person(long workspaceId, String cioId, String cause) {
    em.createNativeQuery(
            "INSERT INTO segments_recheck_request (workspace_id, cio_id, cause, requested_at)"
                + " VALUES (?, ?, ?, ?)")
        .setParameter(1, workspaceId)
        .setParameter(2, cioId)
        .setParameter(3, cause)
        .setParameter(4, DateTimes.text(clock.instant()))
        .executeUpdate();
  }

  /** A person to re-evaluate. */
  public record Person(long workspaceId, String cioId) {}

  /** {@link #person} for many people in one statement. */
  public void people(List<Person> people, String cause) {
    if (people.isEmpty()) {
      return;
    }
    var insert =
        em.createNativeQuery(
            "INSERT INTO segments_recheck_request (workspace_id, cio_id, cause, requested_at)"
                + " VALUES "
                + String.join(", ", Collections.nCopies(people.size(), "(?, ?, ?, ?)")));
    String at = DateTimes.text(clock.instant());
    int p = 1;
    for (Person person : people) {
      insert
          .setParameter(p++, person.workspaceId())
          .setParameter(p++, person.cioId())
          .setParameter(p++, cause)
          .setParameter(p++, at);
    }
    insert.executeUpdate();
  }

  /**
   * Everyone related to the object (a custom object, by its cio_object_id) must be re-evaluated.
   * Reads the objects module's relationship rows as they stand in the caller's transaction (so an
   * object about to be deleted still lists its people).
   */
  public void relatedTo(long workspaceId, String cioObjectId, String cause) {
    em.createNativeQuery(
            "INSERT INTO segments_recheck_request (workspace_id, cio_id, cause, requested_at)"
                + " SELECT r.workspace_id, r.person_cio_id, ?, ?"
                + " FROM objects_person_relationship r JOIN objects_object o ON o.id = r.object_pk"
                + " WHERE o.workspace_id = ? AND o.cio_object_id = ?")
        .setParameter(1, cause)
        .setParameter(2, DateTimes.text(clock.instant()))
        .setParameter(3, workspaceId)
        .setParameter(4, cioObjectId)
        .executeUpdate();
  }
}
