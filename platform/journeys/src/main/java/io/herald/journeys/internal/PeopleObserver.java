package io.herald.journeys.internal;

import io.herald.people.api.PersonDeleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows people's deletions (delete and suppress) after their transaction commits: the person's
 * date schedule rows go and their active runs exit ({@link DeletedPeople}). A failure is logged;
 * what it leaves behind is still harmless: a schedule row of a person who no longer exists is
 * deleted when it falls due, and a run's steps find no person to send to.
 */
@ApplicationScoped
public class PeopleObserver {

  private static final Logger LOG = Logger.getLogger(PeopleObserver.class.getName());

  @Inject JourneyEngine engine;

  void onDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) PersonDeleted deleted) {
    try {
      int exited =
          engine.engine().deletedPeople.forget(deleted.workspace().value(), deleted.cioId());
      if (exited > 0) {
        LOG.fine(() -> exited + " run(s) of deleted person " + deleted.cioId() + " exited");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not end the journeys of deleted person " + deleted.cioId(), e);
    }
  }
}
