package io.herald.segments.rest;

import io.herald.shared.rest.ApiErrors;
import io.herald.shared.rest.JsonBodies;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;

/** App API answers of the segment resources: JSON bodies and {@code {"meta":{"error"}}} errors. */
final class Replies {

  private Replies() {}

  /**
   * A request body read and parsed as JSON.
   *
   * @param json the value, {@code null} when refused
   * @param refusal the error answer (413 or 400), {@code null} when read
   */
  record Body(JsonValue json, Response refusal) {}

  static Body read(InputStream in, int maxBytes) {
    try {
      return new Body(JsonBodies.parse(JsonBodies.read(in, maxBytes)), null);
    } catch (JsonBodies.BodyException e) {
      return new Body(
          null,
          ApiErrors.app(
              e.tooLarge() ? Response.Status.REQUEST_ENTITY_TOO_LARGE : Response.Status.BAD_REQUEST,
              e.getMessage()));
    }
  }

  static Response ok(JsonObject body) {
    return Response.ok(body.toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  static Response badRequest(String message) {
    return ApiErrors.app(Response.Status.BAD_REQUEST, message);
  }

  static Response badRequest(List<String> problems) {
    return badRequest(String.join("; ", problems));
  }

  static Response noSegment(String segmentId) {
    return ApiErrors.app(Response.Status.NOT_FOUND, "no segment with id " + segmentId);
  }
}
