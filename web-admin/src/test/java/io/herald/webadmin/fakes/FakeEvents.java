package io.herald.webadmin.fakes;

import io.herald.events.api.EventService;
import io.herald.events.api.EventSubject;
import io.herald.events.api.EventType;
import io.herald.events.api.NewEvent;
import io.herald.events.api.RecordedEvent;
import io.herald.people.api.PersonRef;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Events in a list; {@code ofPerson} answers newest first with offset paging as the real one. */
public final class FakeEvents implements EventService {

  public final List<RecordedEvent> events = new ArrayList<>();

  /** Records event {@code name} for {@code cioId} at second {@code second}, with data {@code n}. */
  public void add(String cioId, String name, long second) {
    events.add(
        new RecordedEvent(
            events.size() + 1L,
            1,
            new EventSubject.Person(cioId),
            name,
            EventType.EVENT,
            null,
            Instant.ofEpochSecond(second),
            Instant.ofEpochSecond(second),
            Json.createObjectBuilder().add("n", second).build(),
            null,
            "track"));
  }

  @Override
  public List<RecordedEvent> ofPerson(WorkspaceId workspace, String cioId, int start, int limit) {
    return events.stream()
        .filter(e -> e.subject().equals(new EventSubject.Person(cioId)))
        .sorted(Comparator.comparing(RecordedEvent::occurredAt).reversed())
        .skip(start)
        .limit(limit)
        .toList();
  }

  @Override
  public void record(WorkspaceId workspace, List<NewEvent> newEvents) {
    throw new AssertionError("the console does not record events");
  }

  @Override
  public boolean recordForPerson(
      WorkspaceId workspace, PersonRef person, Function<EventSubject.Person, NewEvent> event) {
    throw new AssertionError("the console does not record events");
  }

  @Override
  public int attachAnonymous(WorkspaceId workspace, String anonymousId, String cioId) {
    throw new AssertionError("the console does not move events");
  }
}
