package io.herald.events.api;

import io.herald.workspace.api.WorkspaceId;
import java.util.List;

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
