package io.herald.events.internal;

import io.herald.events.api.EventSubject;
import io.herald.events.api.NewEvent;
import io.herald.people.api.PersonRef;
import java.time.Instant;
import java.util.function.Function;

/**
 * An event waiting for its group commit.
 *
 * @param named the identifier of the person the event is about when the group commit still has to
 *     look that person up ({@code event} is then {@code null}), else {@code null}
 * @param forPerson builds the event once the person is known; {@code null} when {@code named} is
 */
record EventRow(
    long workspaceId,
    NewEvent event,
    Instant receivedAt,
    PersonRef named,
    Function<EventSubject.Person, NewEvent> forPerson) {

  /** An event whose subject is known. */
  EventRow(long workspaceId, NewEvent event, Instant receivedAt) {
    this(workspaceId, event, receivedAt, null, null);
  }

  /** The event's data as JSON text. */
  String dataJson() {
    return event.dataJson();
  }

  /** The event's context as JSON text, {@code null} when none. */
  String contextJson() {
    return event.contextJson();
  }

  /** The event about the person {@code cioId}, the one {@link #named} names. */
  EventRow about(String cioId) {
    return new EventRow(
        workspaceId, forPerson.apply(new EventSubject.Person(cioId)), receivedAt, null, null);
  }
}
