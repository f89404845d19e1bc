package io.herald.events.rest;

import io.herald.events.api.EventService;
import io.herald.events.api.RecordedEvent;
import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonChange;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * App API: a person's activity ({@code GET /v1/customers/{identifier}/activities}): events, page
 * and screen views, and profile changes (created, attribute_change, failed_attribute_change,
 * merged), newest first, paged with the opaque {@code start} token from the previous page's {@code
 * next}. Deliveries join with #5.
 */
@Path("/v1/customers/{identifier}/activities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AppActivityResource {

  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 100;

  @Inject EventService events;

  @Inject PeopleService people;

  @Inject CurrentActor actor;

  /** {@code {"activities":[…],"next":"…"}}; {@code next} is empty on the last page. */
  @GET
  public Response activities(
      @PathParam("identifier") String identifier,
      @QueryParam("id_type") String idType,
      @QueryParam("start") String start,
      @QueryParam("limit") String limit) {
    Optional<IdType> type = IdType.fromQuery(idType);
    if (type.isEmpty()) {
      return ApiErrors.app(Response.Status.BAD_REQUEST, "id_type must be one of id, email, cio_id");
    }
    PersonRef ref = new PersonRef(type.get(), identifier);
    if (!ref.wellFormed()) {
      return ApiErrors.app(
          Response.Status.BAD_REQUEST, "identifier must be 1 to " + PersonRef.MAX_BYTES + " bytes");
    }
    Integer offset = number(start, 0, Integer.MAX_VALUE);
    if (offset == null) {
      return ApiErrors.app(Response.Status.BAD_REQUEST, "start must be a token from next");
    }
    Integer size = number(limit, DEFAULT_LIMIT, MAX_LIMIT);
    if (size == null || size < 1) {
      return ApiErrors.app(Response.Status.BAD_REQUEST, "limit must be 1 to " + MAX_LIMIT);
    }
    Optional<PersonView> person = people.find(actor.workspaceId(), ref);
    if (person.isEmpty()) {
      return ApiErrors.app(Response.Status.NOT_FOUND, "no customer with that " + idName(ref));
    }
    String cioId = person.get().cioId();
    int window = offset + size + 1;
    List<Activity> merged = new ArrayList<>();
    events
        .ofPerson(actor.workspaceId(), cioId, 0, window)
        .forEach(e -> merged.add(new Activity(e.occurredAt(), activity(person.get(), e))));
    people
        .changes(actor.workspaceId(), cioId, 0, window)
        .forEach(c -> merged.add(new Activity(c.at(), change(person.get(), c))));
    merged.sort(Comparator.comparing(Activity::at).reversed());
    JsonArrayBuilder activities = Jsons.createArrayBuilder();
    merged.stream().skip(offset).limit(size).forEach(a -> activities.add(a.json()));
    String next = merged.size() > offset + size ? Integer.toString(offset + size) : "";
    String body =
        Jsons.createObjectBuilder()
            .add("activities", activities)
            .add("next", next)
            .build()
            .toString();
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }

  private record Activity(Instant at, JsonObjectBuilder json) {}

  private static JsonObjectBuilder change(PersonView person, PersonChange c) {
    JsonObjectBuilder activity =
        Jsons.createObjectBuilder()
            .add("id", "change-" + c.id())
            .add("type", c.kind())
            .add("timestamp", c.at().getEpochSecond())
            .add("data", c.data())
            .add("customer_identifiers", identifiers(person))
            .addNull("delivery_id");
    if (person.id() != null) {
      activity.add("customer_id", person.id());
    } else {
      activity.addNull("customer_id");
    }
    return activity;
  }

  private static JsonObjectBuilder identifiers(PersonView person) {
    JsonObjectBuilder identifiers = Jsons.createObjectBuilder().add("cio_id", person.cioId());
    if (person.id() != null) {
      identifiers.add("id", person.id());
    }
    if (person.email() != null) {
      identifiers.add("email", person.email());
    }
    return identifiers;
  }

  private static JsonObjectBuilder activity(PersonView person, RecordedEvent e) {
    JsonObjectBuilder activity =
        Jsons.createObjectBuilder()
            .add("id", Long.toString(e.id()))
            .add("type", e.type().wireName())
            .add("name", e.name())
            .add("timestamp", e.occurredAt().getEpochSecond())
            .add("data", e.data())
            .add("customer_identifiers", identifiers(person))
            .addNull("delivery_id");
    if (person.id() != null) {
      activity.add("customer_id", person.id());
    } else {
      activity.addNull("customer_id");
    }
    if (e.dedupeId() != null) {
      activity.add("event_id", e.dedupeId());
    }
    return activity;
  }

  private static Integer number(String text, int fallback, int max) {
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      return value < 0 || value > max ? null : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String idName(PersonRef ref) {
    return ref.type().name().toLowerCase(java.util.Locale.ROOT);
  }
}
