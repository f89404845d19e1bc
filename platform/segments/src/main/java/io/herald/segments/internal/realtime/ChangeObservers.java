package io.herald.segments.internal.realtime;

import io.herald.objects.api.RelationshipsChanged;
import io.herald.people.api.AnonymousIdLinked;
import io.herald.people.api.DevicesChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Turns the changes other modules announce inside their transactions into re-check requests written
 * in that same transaction, so a committed change is never forgotten (a crash right after the
 * commit leaves the request for any node to handle):
 *
 * <ul>
 *   <li>{@link DevicesChanged} (a device added, updated, moved or deleted): cause {@code device};
 *   <li>{@link AnonymousIdLinked} (the visitor's events now count for the person): cause {@code
 *       event};
 *   <li>{@link RelationshipsChanged}: the people named, or everyone related to the object whose
 *       attributes changed when a data segment reads its type; cause {@code relationship}. The
 *       index is brought up to date first: the workers refresh it only when a feed has work, so on
 *       a quiet node it may not know a segment created since (one query; an index that is current
 *       stays cached).
 * </ul>
 *
 * Event and attribute changes arrive through the durable feeds instead (events' {@code ChangeFeed},
 * people's {@code PersonChangeFeed}); merges through the people feed's {@code merged} entries.
 */
@ApplicationScoped
public class ChangeObservers {

  @Inject RecheckRequests requests;

  @Inject SegmentIndexes indexes;

  void devices(@Observes DevicesChanged changed) {
    requests.person(changed.workspace().value(), changed.cioId(), "device");
  }

  void anonymousLinked(@Observes AnonymousIdLinked linked) {
    requests.person(linked.workspace().value(), linked.cioId(), "event");
  }

  void relationships(@Observes RelationshipsChanged changed) {
    long workspace = changed.workspace().value();
    changed.personCioIds().forEach(cio -> requests.person(workspace, cio, "relationship"));
    // Only when a data segment reads that object type: an object may have many people.
    if (changed.cioObjectId() != null
        && !indexes
            .current(workspace)
            .affected(List.of(new Trigger.Relationship(changed.objectTypeId())))
            .isEmpty()) {
      requests.relatedTo(workspace, changed.cioObjectId(), "relationship");
    }
  }
}
