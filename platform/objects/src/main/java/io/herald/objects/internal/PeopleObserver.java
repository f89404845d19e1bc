package io.herald.objects.internal;

import io.herald.people.api.PeopleMerged;
import io.herald.people.api.PersonDeleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows the people module after its transactions commit: a merge hands the secondary's
 * relationships to the primary (the primary's own relationship to an object wins), a deletion
 * removes the person's relationships.
 */
@ApplicationScoped
public class PeopleObserver {

  private static final Logger LOG = Logger.getLogger(PeopleObserver.class.getName());

  @Inject ObjectWriter writer;

  void onMerged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PeopleMerged merged) {
    try {
      RelationshipMerge plan =
          writer.movePersonRelationships(
              merged.workspace().value(), merged.primaryCioId(), merged.secondaryCioId());
      LOG.fine(
          () ->
              "merge of "
                  + merged.secondaryCioId()
                  + " into "
                  + merged.primaryCioId()
                  + ": moved "
                  + plan.move().size()
                  + " relationships, dropped "
                  + plan.drop().size());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "could not move the relationships of merged person " + merged.secondaryCioId(),
          e);
    }
  }

  void onDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) PersonDeleted deleted) {
    try {
      writer.deletePersonRelationships(deleted.workspace().value(), deleted.cioId());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "could not delete the relationships of deleted person " + deleted.cioId(),
          e);
    }
  }
}
