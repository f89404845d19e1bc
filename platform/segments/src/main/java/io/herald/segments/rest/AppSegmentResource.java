package io.herald.segments.rest;

import static io.herald.segments.rest.Replies.badRequest;
import static io.herald.segments.rest.Replies.noSegment;
import static io.herald.segments.rest.Replies.ok;

import io.herald.segments.api.DataSegmentService;
import io.herald.segments.api.InvalidSegmentException;
import io.herald.segments.api.MembershipChange;
import io.herald.segments.api.SegmentDetails;
import io.herald.segments.api.SegmentInUseException;
import io.herald.segments.api.SegmentPreview;
import io.herald.segments.api.SegmentService;
import io.herald.segments.api.SegmentType;
import io.herald.segments.api.SegmentView;
import io.herald.segments.api.WriteOutcome;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.InvalidConditionException;
import io.herald.shared.json.Jsons;
import io.herald.workspace.api.CurrentActor;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
 * App API segment calls ({@code /v1/segments}) in Customer.io's shapes, with Herald's data
 * segments: create (manual, or {@code dynamic} with conditions), update, delete, list, read,
 * preview, recent changes. Member pages and counts are in {@link SegmentMembers}.
 */
@Path("/v1/segments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AppSegmentResource {

  /** Room for a large condition tree (an in_list of 1000 values, nested groups). */
  static final int MAX_BODY_BYTES = 256 * 1024;

  /** Changes listed when no limit is given. */
  static final int DEFAULT_CHANGES = 50;

  @Inject SegmentService segments;

  @Inject DataSegmentService dataSegments;

  @Inject SegmentMembers members;

  @Inject CurrentActor actor;

  /**
   * Creates a manual segment ({@code {"segment":{"name","description"}}}) or a data segment ({@code
   * {"segment":{"name","description","type":"dynamic","conditions":{…}}}}).
   */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response create(InputStream in) {
    Replies.Body body = Replies.read(in, MAX_BODY_BYTES);
    if (body.refusal() != null) {
      return body.refusal();
    }
    SegmentRequest.Parsed parsed = SegmentRequest.create(body.json());
    if (!parsed.problems().isEmpty()) {
      return badRequest(parsed.problems());
    }
    SegmentRequest request = parsed.request();
    WorkspaceId workspace = actor.workspaceId();
    try {
      SegmentView created =
          request.type() == SegmentType.MANUAL
              ? segments.createManual(workspace, request.name(), request.description())
              : dataSegments.create(
                  workspace, request.name(), request.description(), request.conditions());
      return ok(envelope(created, Optional.ofNullable(request.conditions())));
    } catch (InvalidSegmentException e) {
      return badRequest(e.problems());
    } catch (InvalidConditionException e) {
      return badRequest(SegmentRequest.conditionsProblem("segment.conditions", e));
    }
  }

  /**
   * Changes a data segment's name, description or conditions (the fields given); its members are
   * recomputed when the conditions change. Herald extension.
   */
  @PUT
  @Path("/{segment_id}")
  @Consumes(MediaType.WILDCARD)
  public Response update(@PathParam("segment_id") String segmentId, InputStream in) {
    Replies.Body body = Replies.read(in, MAX_BODY_BYTES);
    if (body.refusal() != null) {
      return body.refusal();
    }
    WorkspaceId workspace = actor.workspaceId();
    OptionalLong id = SegmentIds.parse(segmentId);
    Optional<SegmentView> current =
        id.isPresent() ? segments.find(workspace, id.getAsLong()) : Optional.empty();
    if (current.isEmpty()) {
      return noSegment(segmentId);
    }
    SegmentRequest.Parsed parsed = SegmentRequest.update(body.json());
    if (!parsed.problems().isEmpty()) {
      return badRequest(parsed.problems());
    }
    if (current.get().type() != SegmentType.DATA) {
      return badRequest(
          "segment " + segmentId + " is manual; only dynamic segments can be changed");
    }
    SegmentRequest request = parsed.request();
    Optional<ConditionDocument> conditions =
        request.conditions() != null
            ? Optional.of(request.conditions())
            : dataSegments.conditions(workspace, id.getAsLong());
    if (conditions.isEmpty()) {
      return noSegment(segmentId); // deleted meanwhile
    }
    try {
      return dataSegments
          .update(
              workspace,
              id.getAsLong(),
              request.name() != null ? request.name() : current.get().name(),
              request.descriptionGiven() ? request.description() : current.get().description(),
              conditions.get())
          .map(updated -> ok(envelope(updated, conditions)))
          .orElseGet(() -> noSegment(segmentId));
    } catch (InvalidSegmentException e) {
      return badRequest(e.problems());
    } catch (InvalidConditionException e) {
      return badRequest(SegmentRequest.conditionsProblem("segment.conditions", e));
    }
  }

  /**
   * Counts who matches a condition tree now and returns a sample, saving nothing: {@code
   * {"conditions":{…},"sample":10}} → {@code {"count":N,"sample":[{"cio_id","id","email"}]}}.
   * Herald extension.
   */
  @POST
  @Path("/preview")
  @Consumes(MediaType.WILDCARD)
  public Response preview(InputStream in) {
    Replies.Body body = Replies.read(in, MAX_BODY_BYTES);
    if (body.refusal() != null) {
      return body.refusal();
    }
    PreviewRequest.Parsed parsed = PreviewRequest.parse(body.json());
    if (!parsed.problems().isEmpty()) {
      return badRequest(parsed.problems());
    }
    WorkspaceId workspace = actor.workspaceId();
    SegmentPreview preview;
    try {
      preview =
          dataSegments.preview(workspace, parsed.request().conditions(), parsed.request().sample());
    } catch (InvalidConditionException e) {
      return badRequest(SegmentRequest.conditionsProblem("conditions", e));
    }
    return ok(
        Jsons.createObjectBuilder()
            .add("count", preview.count())
            .add("sample", members.identifiers(workspace, preview.sampleCioIds()))
            .build());
  }

  /** Every segment of the workspace, oldest first: {@code {"segments":[…]}}. */
  @GET
  public Response list() {
    JsonArrayBuilder all = Jsons.createArrayBuilder();
    // One read of the segments with their conditions, not one more per data segment.
    for (SegmentDetails segment : dataSegments.allDetails(actor.workspaceId())) {
      all.add(SegmentJson.of(segment.segment(), segment.conditions()));
    }
    return ok(Jsons.createObjectBuilder().add("segments", all).build());
  }

  /** One segment: {@code {"segment":{…}}}. */
  @GET
  @Path("/{segment_id}")
  public Response get(@PathParam("segment_id") String segmentId) {
    OptionalLong id = SegmentIds.parse(segmentId);
    // One read of the segment with its conditions (a dashboard may poll its state).
    Optional<SegmentDetails> segment =
        id.isPresent()
            ? dataSegments.details(actor.workspaceId(), id.getAsLong())
            : Optional.empty();
    return segment
        .map(s -> ok(envelope(s.segment(), s.conditions())))
        .orElseGet(() -> noSegment(segmentId));
  }

  /**
   * Deletes a segment (manual or dynamic) and its memberships; 204 as Customer.io answers. A
   * segment that another segment's conditions name is refused (400 naming them).
   */
  @DELETE
  @Path("/{segment_id}")
  public Response delete(@PathParam("segment_id") String segmentId) {
    OptionalLong id = SegmentIds.parse(segmentId);
    WriteOutcome outcome;
    try {
      outcome =
          id.isPresent()
              ? segments.delete(actor.workspaceId(), id.getAsLong())
              : WriteOutcome.NO_SUCH_SEGMENT;
    } catch (SegmentInUseException e) {
      return badRequest(e.getMessage());
    }
    return outcome == WriteOutcome.DONE ? Response.noContent().build() : noSegment(segmentId);
  }

  /** How many people are in the segment: {@code {"segment_id":N,"count":N}}. */
  @GET
  @Path("/{segment_id}/customer_count")
  public Response count(@PathParam("segment_id") String segmentId) {
    return members.count(actor.workspaceId(), segmentId);
  }

  /** A page of members; see {@link SegmentMembers#page}. */
  @GET
  @Path("/{segment_id}/membership")
  public Response membership(
      @PathParam("segment_id") String segmentId,
      @QueryParam("start") String start,
      @QueryParam("limit") String limit) {
    return members.page(actor.workspaceId(), segmentId, start, limit);
  }

  /**
   * The most recent enters and exits, newest first: {@code {"segment_id":N,"changes":[{"id",
   * "cio_id","action":"entered"|"exited","cause","timestamp"}]}}; {@code limit} 1 to 1000 (default
   * 50). Herald extension.
   */
  @GET
  @Path("/{segment_id}/changes")
  public Response changes(
      @PathParam("segment_id") String segmentId, @QueryParam("limit") String limit) {
    int size = DEFAULT_CHANGES;
    if (limit != null && !limit.isEmpty()) {
      if (!limit.matches("\\d{1,4}")
          || Integer.parseInt(limit) < 1
          || Integer.parseInt(limit) > DataSegmentService.MAX_CHANGES) {
        return badRequest(
            "limit must be a whole number from 1 to " + DataSegmentService.MAX_CHANGES);
      }
      size = Integer.parseInt(limit);
    }
    OptionalLong id = SegmentIds.parse(segmentId);
    Optional<List<MembershipChange>> changes =
        id.isPresent()
            ? dataSegments.recentChanges(actor.workspaceId(), id.getAsLong(), size)
            : Optional.empty();
    if (changes.isEmpty()) {
      return noSegment(segmentId);
    }
    JsonArrayBuilder list = Jsons.createArrayBuilder();
    for (MembershipChange change : changes.get()) {
      list.add(
          Jsons.createObjectBuilder()
              .add("id", change.id())
              .add("cio_id", change.cioId())
              .add("action", change.entered() ? "entered" : "exited")
              .add("cause", change.cause())
              .add("timestamp", change.at().getEpochSecond()));
    }
    return ok(
        Jsons.createObjectBuilder().add("segment_id", id.getAsLong()).add("changes", list).build());
  }

  private static jakarta.json.JsonObject envelope(
      SegmentView segment, Optional<ConditionDocument> conditions) {
    return Jsons.createObjectBuilder().add("segment", SegmentJson.of(segment, conditions)).build();
  }
}
