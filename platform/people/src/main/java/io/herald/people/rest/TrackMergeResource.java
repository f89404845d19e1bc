package io.herald.people.rest;

import io.herald.people.api.PeopleService;
import io.herald.shared.rest.ApiErrors;
import io.herald.shared.rest.JsonBodies;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;

/** Track API {@code POST /api/v1/merge_customers}. */
@Path("/api/v1/merge_customers")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TrackMergeResource {

  static final int MAX_BODY_BYTES = 32 * 1024;

  @Inject PeopleService people;

  @Inject CurrentActor actor;

  /** Merges the secondary person into the primary; 200 {@code {}} also when either is unknown. */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response merge(InputStream body) {
    JsonValue value;
    try {
      value = JsonBodies.parse(JsonBodies.read(body, MAX_BODY_BYTES));
    } catch (JsonBodies.BodyException e) {
      return ApiErrors.trackV1(
          e.tooLarge() ? Response.Status.REQUEST_ENTITY_TOO_LARGE : Response.Status.BAD_REQUEST,
          List.of(e.getMessage()));
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      return ApiErrors.trackV1(
          Response.Status.BAD_REQUEST, List.of("request body must be a JSON object"));
    }
    MergeRequest.Parsed parsed = MergeRequest.parse(value.asJsonObject());
    if (!parsed.problems().isEmpty()) {
      return ApiErrors.trackV1(Response.Status.BAD_REQUEST, parsed.problems());
    }
    people.merge(actor.workspaceId(), parsed.request().primary(), parsed.request().secondary());
    return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build();
  }
}
