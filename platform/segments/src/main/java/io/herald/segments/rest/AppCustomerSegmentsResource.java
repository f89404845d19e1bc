package io.herald.segments.rest;

import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.segments.api.DataSegmentService;
import io.herald.shared.rest.ApiErrors;
import io.herald.workspace.api.CurrentActor;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;

/**
 * App API {@code GET /v1/customers/{identifier}/segments?id_type=id|email|cio_id}: the segments
 * (manual and dynamic) a person is in, by id, as Customer.io answers: {@code
 * {"segments":[{"id","deduplicate_id","name","description","state","progress","type","tags",
 * "created_at","updated_at"}]}}.
 */
@Path("/v1/customers/{identifier}/segments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AppCustomerSegmentsResource {

  @Inject DataSegmentService dataSegments;

  @Inject PeopleService people;

  @Inject CurrentActor actor;

  /** The person's segments; 404 when no such person. */
  @GET
  public Response segments(
      @PathParam("identifier") String identifier, @QueryParam("id_type") String idType) {
    Optional<IdType> type = IdType.fromQuery(idType);
    if (type.isEmpty()) {
      return ApiErrors.app(Response.Status.BAD_REQUEST, "id_type must be one of id, email, cio_id");
    }
    PersonRef ref = new PersonRef(type.get(), identifier);
    if (!ref.wellFormed()) {
      return ApiErrors.app(
          Response.Status.BAD_REQUEST, "identifier must be 1 to " + PersonRef.MAX_BYTES + " bytes");
    }
    WorkspaceId workspace = actor.workspaceId();
    Optional<PersonView> person = people.find(workspace, ref);
    if (person.isEmpty()) {
      return ApiErrors.app(
          Response.Status.NOT_FOUND,
          "no customer with " + ref.type().name().toLowerCase(Locale.ROOT) + " " + ref.value());
    }
    JsonArrayBuilder list = Json.createArrayBuilder();
    dataSegments
        .segmentsOf(workspace, person.get().cioId())
        .forEach(s -> list.add(SegmentJson.of(s)));
    return Replies.ok(Json.createObjectBuilder().add("segments", list).build());
  }
}
