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
 *       attributes changed when a data segment reads its type (as this node's cached index knows
 *       the segments: a segment created moments ago is covered by its own rebuild); cause {@code
 *       relationship}.
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
            .of(workspace)
            .affected(List.of(new Trigger.Relationship(changed.objectTypeId())))
            .isEmpty()) {
      requests.relatedTo(workspace, changed.cioObjectId(), "relationship");
    }
  }
}
