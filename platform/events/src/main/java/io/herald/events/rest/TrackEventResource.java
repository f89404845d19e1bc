package io.herald.events.rest;

import io.herald.events.api.EventService;
import io.herald.events.api.EventSubject;
import io.herald.events.api.InvalidEventException;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Track API v1: a person's event ({@code POST /api/v1/customers/{identifier}/events}). */
@Path("/api/v1/customers/{identifier}/events")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TrackEventResource {

  /** Largest body: 100 KB of event data plus the envelope. */
  static final int MAX_BODY_BYTES = 128 * 1024;

  @Inject EventService events;

  @Inject PeopleService people;

  @Inject CurrentActor actor;

  @Inject Clock clock;

  /**
   * Records the event for the person the path names, creating the person when an {@code id} or
   * {@code email} names nobody yet (as Customer.io does); an unknown {@code cio_} id or a
   * suppressed identifier drops the event with 200.
   */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response track(@PathParam("identifier") String identifier, InputStream body) {
    PersonRef ref = PersonRef.fromTrackPath(identifier);
    if (!ref.wellFormed()) {
      return TrackRequests.badRequest(
          List.of("identifier: must be 1 to " + PersonRef.MAX_BYTES + " bytes"));
    }
    TrackRequests.Body json = TrackRequests.object(body, MAX_BODY_BYTES);
    if (json.error() != null) {
      return json.error();
    }
    TrackEventBody event = TrackEventBody.parse(json.json(), clock.instant());
    if (!event.problems().isEmpty()) {
      return TrackRequests.badRequest(event.problems());
    }
    try {
      if (!events.recordForPerson(
          actor.workspaceId(), ref, person -> event.about(person, "track_v1"))) {
        Optional<String> cioId =
            people.findOrCreate(actor.workspaceId(), ref).map(PersonView::cioId);
        if (cioId.isPresent()) {
          events.record(
              actor.workspaceId(),
              List.of(event.about(new EventSubject.Person(cioId.get()), "track_v1")));
        }
      }
    } catch (InvalidEventException invalid) {
      return TrackRequests.badRequest(invalid.problems());
    }
    return TrackRequests.ok();
  }
}
