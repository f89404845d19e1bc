package io.herald.events.api;

import io.herald.people.api.PersonRef;
import io.herald.workspace.api.WorkspaceId;
import java.util.List;
import java.util.function.Function;

/** Records and reads events. */
public interface EventService {

  /**
   * Records {@code events} and returns once they are committed (group commit: concurrent callers
   * share one transaction). An event whose dedupe id the workspace already holds is ignored.
   *
   * @throws InvalidEventException when any event breaks a limit; none is recorded then
   */
  void record(WorkspaceId workspace, List<NewEvent> events);

  /**
   * Records the event about the person {@code person} names, if someone has that identifier; as
   * {@link #record}, returns once it is committed. The person is looked up by the group commit that
   * writes the event, once for every event of the group (concurrent Track API calls) rather than
   * once per call.
   *
   * @param event builds the event about the person found
   * @return whether someone had the identifier; {@code false}: nothing was recorded (create the
   *     person, then {@link #record} the event, as Customer.io does for an unknown identifier)
   * @throws InvalidEventException when the event breaks a limit
   */
  boolean recordForPerson(
      WorkspaceId workspace, PersonRef person, Function<EventSubject.Person, NewEvent> event);

  /**
   * A person's events, newest first, skipping {@code start} and returning at most {@code limit}.
   */
  List<RecordedEvent> ofPerson(WorkspaceId workspace, String cioId, int start, int limit);

  /**
   * Moves the events recorded for {@code anonymousId} to the person {@code cioId} (the visitor was
   * identified).
   *
   * @return how many events moved
   */
  int attachAnonymous(WorkspaceId workspace, String anonymousId, String cioId);
}
