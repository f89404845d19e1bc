package io.herald.events.rest;

import io.herald.events.api.EventService;
import io.herald.events.api.EventSubject;
import io.herald.events.api.InvalidEventException;
import io.herald.people.api.PeopleService;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Track API v1: an anonymous event ({@code POST /api/v1/events}). The event joins the person who is
 * identified with its {@code anonymous_id} (at once when that already happened); with an empty
 * {@code anonymous_id} and a {@code data.recipient} it is an invitation event that belongs to
 * nobody.
 */
@Path("/api/v1/events")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TrackAnonymousEventResource {

  @Inject EventService events;

  @Inject PeopleService people;

  @Inject CurrentActor actor;

  @Inject Clock clock;

  /** Records the event; {@code 200 {}}. */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response track(InputStream body) {
    TrackRequests.Body json = TrackRequests.object(body, TrackEventResource.MAX_BODY_BYTES);
    if (json.error() != null) {
      return json.error();
    }
    TrackEventBody event = TrackEventBody.parse(json.json(), clock.instant());
    List<String> problems = new ArrayList<>(event.problems());
    String anonymousId = TrackEventBody.string(json.json(), "anonymous_id", problems);
    if (!problems.isEmpty()) {
      return TrackRequests.badRequest(problems);
    }
    EventSubject subject =
        anonymousId == null || anonymousId.isEmpty()
            ? new EventSubject.Anonymous("")
            : people
                .findByAnonymousId(actor.workspaceId(), anonymousId)
                .<EventSubject>map(p -> new EventSubject.Person(p.cioId()))
                .orElse(new EventSubject.Anonymous(anonymousId));
    try {
      events.record(actor.workspaceId(), List.of(event.about(subject, "track_v1")));
    } catch (InvalidEventException invalid) {
      return TrackRequests.badRequest(invalid.problems());
    }
    return TrackRequests.ok();
  }
}
