package io.herald.segments.rest;

import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonIdentifiers;
import io.herald.segments.api.InvalidSegmentException;
import io.herald.segments.api.MemberPage;
import io.herald.segments.api.SegmentService;
import io.herald.segments.api.SegmentView;
import io.herald.segments.api.WriteOutcome;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import io.herald.shared.rest.JsonBodies;
import io.herald.workspace.api.CurrentActor;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** App API segment calls ({@code /v1/segments}) in Customer.io's shapes. */
@Path("/v1/segments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AppSegmentResource {

  static final int MAX_BODY_BYTES = 16 * 1024;

  /** Customer.io's default and largest page of members. */
  static final int DEFAULT_LIMIT = 1000;

  static final int MAX_LIMIT = 30_000;

  @Inject SegmentService segments;

  @Inject PeopleService people;

  @Inject CurrentActor actor;

  /** Creates an empty manual segment: {@code {"segment":{"name","description"}}}. */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response create(InputStream body) {
    JsonValue value;
    try {
      value = JsonBodies.parse(JsonBodies.read(body, MAX_BODY_BYTES));
    } catch (JsonBodies.BodyException e) {
      return ApiErrors.app(
          e.tooLarge() ? Response.Status.REQUEST_ENTITY_TOO_LARGE : Response.Status.BAD_REQUEST,
          e.getMessage());
    }
    CreateSegmentRequest.Parsed parsed = CreateSegmentRequest.parse(value);
    if (!parsed.problems().isEmpty()) {
      return badRequest(String.join("; ", parsed.problems()));
    }
    try {
      SegmentView created =
          segments.createManual(
              actor.workspaceId(), parsed.request().name(), parsed.request().description());
      return ok(Jsons.createObjectBuilder().add("segment", SegmentJson.of(created)).build());
    } catch (InvalidSegmentException e) {
      return badRequest(String.join("; ", e.problems()));
    }
  }

  /** Every segment of the workspace: {@code {"segments":[…]}}. */
  @GET
  public Response list() {
    JsonArrayBuilder all = Jsons.createArrayBuilder();
    segments.list(actor.workspaceId()).forEach(s -> all.add(SegmentJson.of(s)));
    return ok(Jsons.createObjectBuilder().add("segments", all).build());
  }

  /** One segment: {@code {"segment":{…}}}. */
  @GET
  @Path("/{segment_id}")
  public Response get(@PathParam("segment_id") String segmentId) {
    OptionalLong id = SegmentIds.parse(segmentId);
    Optional<SegmentView> segment =
        id.isPresent() ? segments.find(actor.workspaceId(), id.getAsLong()) : Optional.empty();
    return segment
        .map(s -> ok(Jsons.createObjectBuilder().add("segment", SegmentJson.of(s)).build()))
        .orElseGet(() -> notFound(segmentId));
  }

  /** Deletes a manual segment; 204 as Customer.io answers. */
  @DELETE
  @Path("/{segment_id}")
  public Response delete(@PathParam("segment_id") String segmentId) {
    OptionalLong id = SegmentIds.parse(segmentId);
    WriteOutcome outcome =
        id.isPresent()
            ? segments.delete(actor.workspaceId(), id.getAsLong())
            : WriteOutcome.NO_SUCH_SEGMENT;
    return switch (outcome) {
      case DONE -> Response.noContent().build();
      case NO_SUCH_SEGMENT -> notFound(segmentId);
      case NOT_MANUAL ->
          badRequest(
              "segment " + segmentId + " is data-driven; only manual segments can be deleted");
    };
  }

  /** How many people are in the segment: {@code {"segment_id":N,"count":N}}. */
  @GET
  @Path("/{segment_id}/customer_count")
  public Response count(@PathParam("segment_id") String segmentId) {
    OptionalLong id = SegmentIds.parse(segmentId);
    OptionalLong count =
        id.isPresent() ? segments.count(actor.workspaceId(), id.getAsLong()) : OptionalLong.empty();
    if (count.isEmpty()) {
      return notFound(segmentId);
    }
    return ok(
        Jsons.createObjectBuilder()
            .add("segment_id", id.getAsLong())
            .add("count", count.getAsLong())
            .build());
  }

  /**
   * The members, oldest first: {@code {"segment_id","identifiers":[{"cio_id","id","email"}],
   * "ids":[…],"next":"…"}}; {@code next} is {@code ""} on the last page, else the {@code start} of
   * the following one.
   */
  @GET
  @Path("/{segment_id}/membership")
  public Response membership(
      @PathParam("segment_id") String segmentId,
      @QueryParam("start") String start,
      @QueryParam("limit") String limit) {
    OptionalLong after =
        start == null || start.isEmpty() ? OptionalLong.of(0) : SegmentIds.parse(start);
    if (after.isEmpty()) {
      return badRequest("start must be empty or the next value of a previous page");
    }
    int pageSize = DEFAULT_LIMIT;
    if (limit != null && !limit.isEmpty()) {
      if (!limit.matches("\\d{1,6}")
          || Integer.parseInt(limit) < 1
          || Integer.parseInt(limit) > MAX_LIMIT) {
        return badRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
      }
      pageSize = Integer.parseInt(limit);
    }
    OptionalLong id = SegmentIds.parse(segmentId);
    WorkspaceId workspace = actor.workspaceId();
    Optional<MemberPage> page =
        id.isPresent()
            ? segments.members(workspace, id.getAsLong(), after.getAsLong(), pageSize)
            : Optional.empty();
    if (page.isEmpty()) {
      return notFound(segmentId);
    }
    Map<String, PersonIdentifiers> known =
        people.lookup(workspace, IdType.CIO_ID, page.get().cioIds());
    JsonArrayBuilder identifiers = Jsons.createArrayBuilder();
    JsonArrayBuilder ids = Jsons.createArrayBuilder();
    for (String cioId : page.get().cioIds()) {
      PersonIdentifiers person = known.get(cioId);
      JsonObjectBuilder one = Jsons.createObjectBuilder().add("cio_id", cioId);
      nullable(one, "id", person == null ? null : person.id());
      nullable(one, "email", person == null ? null : person.email());
      identifiers.add(one);
      ids.add(person == null || person.id() == null ? "" : person.id());
    }
    return ok(
        Jsons.createObjectBuilder()
            .add("segment_id", id.getAsLong())
            .add("identifiers", identifiers)
            .add("ids", ids)
            .add(
                "next",
                page.get().next().isPresent() ? Long.toString(page.get().next().getAsLong()) : "")
            .build());
  }

  private static void nullable(JsonObjectBuilder object, String name, String value) {
    if (value == null) {
      object.addNull(name);
    } else {
      object.add(name, value);
    }
  }

  private static Response ok(JsonObject body) {
    return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static Response badRequest(String message) {
    return ApiErrors.app(Response.Status.BAD_REQUEST, message);
  }

  private static Response notFound(String segmentId) {
    return ApiErrors.app(Response.Status.NOT_FOUND, "no segment with id " + segmentId);
  }
}
