package io.herald.shared.rest;

import io.herald.shared.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Builds error responses in each API family's shape (see API-COMPAT.md):
 *
 * <ul>
 *   <li>Track API v1: {@code {"meta":{"errors":["…"]}}}
 *   <li>App API: {@code {"meta":{"error":"…"}}}
 *   <li>Pipelines: {@code {"errors":[{"reason":"…","message":"…"}]}}
 * </ul>
 */
public final class ApiErrors {

  private ApiErrors() {}

  /** A Track API v1 error with one message per problem. */
  public static Response trackV1(Response.Status status, List<String> messages) {
    JsonArrayBuilder errors = Jsons.createArrayBuilder();
    messages.forEach(errors::add);
    JsonObject body =
        Jsons.createObjectBuilder()
            .add("meta", Jsons.createObjectBuilder().add("errors", errors))
            .build();
    return json(status.getStatusCode(), body);
  }

  /** An App API error. */
  public static Response app(Response.Status status, String message) {
    JsonObject body =
        Jsons.createObjectBuilder()
            .add("meta", Jsons.createObjectBuilder().add("error", message))
            .build();
    return json(status.getStatusCode(), body);
  }

  /** A Pipelines (Segment-spec) error. */
  public static Response pipelines(Response.Status status, String reason, String message) {
    JsonObject body =
        Jsons.createObjectBuilder()
            .add(
                "errors",
                Jsons.createArrayBuilder()
                    .add(Jsons.createObjectBuilder().add("reason", reason).add("message", message)))
            .build();
    return json(status.getStatusCode(), body);
  }

  private static Response json(int status, JsonObject body) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body.toString())
        .build();
  }
}
