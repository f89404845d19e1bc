package io.herald.messaging.internal;

import io.herald.events.api.EventService;
import io.herald.events.api.NewEvent;
import io.herald.events.api.RecordedEvent;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.segments.api.EngagementRecorder;
import io.herald.workspace.api.WorkspaceId;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What messaging hands to other modules (person events, segment engagements, identify calls),
 * recorded so database tests of the messaging module can check it; the other modules' own tests and
 * the container tests cover what they do with it.
 */
final class RecordingCollaborators {

  /** One engagement as messaging reported it. */
  record Engagement(long workspace, String cioId, String metric, String messageId, Instant at) {}

  /** One identify call: the person and the attributes sent. */
  record Identify(long workspace, PersonRef ref, String body) {}

  final List<NewEvent> events = new CopyOnWriteArrayList<>();
  final List<Engagement> engagements = new CopyOnWriteArrayList<>();
  final List<Identify> identifies = new CopyOnWriteArrayList<>();

  EventService eventService() {
    return new EventService() {
      @Override
      public void record(WorkspaceId workspace, List<NewEvent> recorded) {
        events.addAll(recorded);
      }

      @Override
      public boolean recordForPerson(
          WorkspaceId workspace,
          PersonRef person,
          java.util.function.Function<io.herald.events.api.EventSubject.Person, NewEvent> event) {
        throw new AssertionError("messaging records events about people it already resolved");
      }

      @Override
      public List<RecordedEvent> ofPerson(
          WorkspaceId workspace, String cioId, int start, int limit) {
        return List.of();
      }

      @Override
      public int attachAnonymous(WorkspaceId workspace, String anonymousId, String cioId) {
        return 0;
      }
    };
  }

  /**
   * Records engagements in {@link #engagements}, whether reported on their own or in a caller's
   * transaction (which this stand-in does not write to).
   */
  EngagementRecorder engagementRecorder() {
    return new EngagementRecorder() {
      @Override
      public void record(
          io.herald.workspace.api.WorkspaceId workspace,
          String cioId,
          String metric,
          String messageId,
          String campaignId,
          Instant occurredAt) {
        engagements.add(
            new RecordingCollaborators.Engagement(
                workspace.value(), cioId, metric, messageId, occurredAt));
      }

      @Override
      public void recordAll(java.sql.Connection c, List<EngagementRecorder.Engagement> all) {
        recordAll(all);
      }
    };
  }

  /** A PeopleService that records identify calls; any other call is a test failure. */
  PeopleService people() {
    return (PeopleService)
        Proxy.newProxyInstance(
            PeopleService.class.getClassLoader(),
            new Class<?>[] {PeopleService.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("identify")) {
                throw new AssertionError("unexpected PeopleService." + method.getName());
              }
              identifies.add(
                  new Identify(
                      ((WorkspaceId) args[0]).value(), (PersonRef) args[1], args[2].toString()));
              return null;
            });
  }

  /** Names of the recorded person events. */
  List<String> eventNames() {
    return events.stream().map(NewEvent::name).toList();
  }
}
