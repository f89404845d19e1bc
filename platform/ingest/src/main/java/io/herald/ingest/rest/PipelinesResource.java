package io.herald.ingest.rest;

import io.herald.ingest.internal.MessageProcessor;
import io.herald.ingest.internal.MessageProcessor.Rejection;
import io.herald.ingest.internal.RejectionLog;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import io.herald.shared.rest.JsonBodies;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;

/**
 * Data Pipelines calls as Customer.io and Segment define them. Permissive by default, as
 * Customer.io is: every well-formed request gets {@code 200 {}}, and a message that could not be
 * applied is recorded with the reason (console Data-in page). With {@code X-Strict-Mode: 1} the
 * same request answers 400 listing each rejected message (the others are still applied). Malformed
 * JSON is 400 in both modes.
 */
@Path("/v1/{call: identify|track|page|screen|group|alias|batch}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class PipelinesResource {

  /** Largest batch body (Customer.io: 500 KB; each item 32 KB). */
  static final int MAX_BATCH_BYTES = 500 * 1024;

  @Inject MessageProcessor processor;

  @Inject RejectionLog rejections;

  @Inject CurrentActor actor;

  /** Applies the call's message(s); see the class comment for the answers. */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response call(
      @PathParam("call") String call,
      @HeaderParam("X-Strict-Mode") String strictMode,
      InputStream in) {
    boolean strict = "1".equals(strictMode) || "true".equalsIgnoreCase(strictMode);
    int limit = call.equals("batch") ? MAX_BATCH_BYTES : MessageProcessor.MAX_MESSAGE_BYTES;
    JsonObject body;
    int bodyBytes;
    try {
      byte[] raw = JsonBodies.read(in, limit);
      bodyBytes = raw.length;
      JsonValue value = JsonBodies.parse(raw);
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        return ApiErrors.pipelines(
            Response.Status.BAD_REQUEST, "invalid_request", "request body must be a JSON object");
      }
      body = value.asJsonObject();
    } catch (JsonBodies.BodyException e) {
      if (e.tooLarge() && !strict) {
        rejections.record(
            actor.workspaceId(), call, List.of(new Rejection(0, null, call, e.getMessage())));
        return ok();
      }
      return ApiErrors.pipelines(
          e.tooLarge() ? Response.Status.REQUEST_ENTITY_TOO_LARGE : Response.Status.BAD_REQUEST,
          e.tooLarge() ? "request_too_large" : "invalid_json",
          e.getMessage());
    }
    List<JsonValue> messages;
    JsonObject envelope = null;
    if (call.equals("batch")) {
      JsonValue batch = body.get("batch");
      if (batch == null || batch.getValueType() != JsonValue.ValueType.ARRAY) {
        return ApiErrors.pipelines(
            Response.Status.BAD_REQUEST, "invalid_request", "batch: must be an array of messages");
      }
      messages = batch.asJsonArray();
      envelope = body;
    } else {
      messages = List.of(body);
    }
    List<Rejection> rejected =
        processor.apply(actor.workspaceId(), call, messages, envelope, bodyBytes);
    rejections.record(actor.workspaceId(), call, rejected);
    if (strict && !rejected.isEmpty()) {
      return strictErrors(rejected, call.equals("batch"));
    }
    return ok();
  }

  private static Response ok() {
    return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static Response strictErrors(List<Rejection> rejected, boolean batch) {
    JsonArrayBuilder errors = Jsons.createArrayBuilder();
    for (Rejection r : rejected) {
      var error =
          Jsons.createObjectBuilder().add("reason", "invalid_message").add("message", r.reason());
      if (batch) {
        error.add("batch_index", r.index());
      }
      errors.add(error);
    }
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Jsons.createObjectBuilder().add("errors", errors).build().toString())
        .build();
  }
}
