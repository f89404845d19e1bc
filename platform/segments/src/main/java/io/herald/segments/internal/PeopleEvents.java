package io.herald.segments.internal;

import io.herald.people.api.PeopleMerged;
import io.herald.people.api.PersonDeleted;
import io.herald.segments.api.MembershipChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Keeps memberships in step with the people module, after its transaction committed: a merge's
 * secondary hands its manual segments to the primary (Customer.io merges "manual segments that the
 * primary person did not already belong to"); a deleted or suppressed person leaves every segment.
 */
@ApplicationScoped
public class PeopleEvents {

  private static final Logger LOG = Logger.getLogger(PeopleEvents.class.getName());

  @Inject SegmentWriter writer;

  @Inject Event<MembershipChanged> changes;

  void merged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PeopleMerged merged) {
    List<Long> joined =
        writer.transfer(merged.workspace().value(), merged.secondaryCioId(), merged.primaryCioId());
    joined.forEach(
        segment ->
            changes.fire(
                new MembershipChanged(merged.workspace(), segment, merged.primaryCioId(), true)));
    LOG.fine(() -> "merge moved " + joined.size() + " memberships to " + merged.primaryCioId());
  }

  void deleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) PersonDeleted deleted) {
    int removed = writer.removePerson(deleted.workspace().value(), deleted.cioId());
    LOG.fine(() -> "deleted person " + deleted.cioId() + " left " + removed + " segments");
  }
}
