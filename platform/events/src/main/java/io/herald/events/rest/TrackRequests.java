package io.herald.events.rest;

import io.herald.shared.rest.ApiErrors;
import io.herald.shared.rest.JsonBodies;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;

/** Reading Track API v1 bodies and writing its answers. */
final class TrackRequests {

  private TrackRequests() {}

  /** A body read as a JSON object, or the Track v1 error answer that rejects it. */
  record Body(JsonObject json, Response error) {}

  static Body object(InputStream in, int maxBytes) {
    try {
      JsonValue value = JsonBodies.parse(JsonBodies.read(in, maxBytes));
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        return new Body(null, badRequest(List.of("request body must be a JSON object")));
      }
      return new Body(value.asJsonObject(), null);
    } catch (JsonBodies.BodyException e) {
      return new Body(
          null,
          e.tooLarge()
              ? ApiErrors.trackV1(Response.Status.REQUEST_ENTITY_TOO_LARGE, List.of(e.getMessage()))
              : badRequest(List.of(e.getMessage())));
    }
  }

  static Response ok() {
    return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build();
  }

  static Response badRequest(List<String> problems) {
    return ApiErrors.trackV1(Response.Status.BAD_REQUEST, problems);
  }
}
