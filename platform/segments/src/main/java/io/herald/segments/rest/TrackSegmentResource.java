package io.herald.segments.rest;

import io.herald.people.api.IdType;
import io.herald.segments.api.MembershipResult;
import io.herald.segments.api.SegmentService;
import io.herald.shared.rest.ApiErrors;
import io.herald.shared.rest.JsonBodies;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Track API manual-segment membership ({@code /api/v1/segments/{segment_id}/add_customers} and
 * {@code /remove_customers}).
 */
@Path("/api/v1/segments/{segment_id}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TrackSegmentResource {

  /** 1000 identifiers of 150 bytes with their quotes and commas fit below it. */
  static final int MAX_BODY_BYTES = 256 * 1024;

  @Inject SegmentService segments;

  @Inject CurrentActor actor;

  /** Adds people to a manual segment; identifiers naming nobody are ignored. 200 {@code {}}. */
  @POST
  @Path("/add_customers")
  @Consumes(MediaType.WILDCARD)
  public Response add(
      @PathParam("segment_id") String segmentId,
      @QueryParam("id_type") String idType,
      InputStream body) {
    return write(segmentId, idType, body, true);
  }

  /** Removes people from a manual segment. 200 {@code {}}. */
  @POST
  @Path("/remove_customers")
  @Consumes(MediaType.WILDCARD)
  public Response remove(
      @PathParam("segment_id") String segmentId,
      @QueryParam("id_type") String idType,
      InputStream body) {
    return write(segmentId, idType, body, false);
  }

  private Response write(String segmentId, String idType, InputStream body, boolean add) {
    Optional<IdType> type = IdType.fromQuery(idType);
    if (type.isEmpty()) {
      return badRequest("id_type must be one of id, email, cio_id, not \"" + idType + "\"");
    }
    JsonValue value;
    try {
      value = JsonBodies.parse(JsonBodies.read(body, MAX_BODY_BYTES));
    } catch (JsonBodies.BodyException e) {
      return ApiErrors.trackV1(
          e.tooLarge() ? Response.Status.REQUEST_ENTITY_TOO_LARGE : Response.Status.BAD_REQUEST,
          List.of(e.getMessage()));
    }
    IdsRequest.Parsed parsed = IdsRequest.parse(value, type.get());
    if (!parsed.problems().isEmpty()) {
      return ApiErrors.trackV1(Response.Status.BAD_REQUEST, parsed.problems());
    }
    OptionalLong id = SegmentIds.parse(segmentId);
    if (id.isEmpty()) {
      return notFound(segmentId);
    }
    MembershipResult result =
        add
            ? segments.addMembers(actor.workspaceId(), id.getAsLong(), parsed.request().refs())
            : segments.removeMembers(actor.workspaceId(), id.getAsLong(), parsed.request().refs());
    return switch (result.outcome()) {
      case DONE -> Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build();
      case NO_SUCH_SEGMENT -> notFound(segmentId);
      case NOT_MANUAL ->
          badRequest(
              "segment "
                  + segmentId
                  + " is data-driven: its members follow its conditions; only manual segments"
                  + " take add_customers and remove_customers");
    };
  }

  private static Response badRequest(String message) {
    return ApiErrors.trackV1(Response.Status.BAD_REQUEST, List.of(message));
  }

  private static Response notFound(String segmentId) {
    return ApiErrors.trackV1(Response.Status.NOT_FOUND, List.of("no segment with id " + segmentId));
  }
}
