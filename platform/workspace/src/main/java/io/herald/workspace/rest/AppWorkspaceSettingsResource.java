package io.herald.workspace.rest;

import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import io.herald.shared.rest.JsonBodies;
import io.herald.workspace.api.CurrentActor;
import io.herald.workspace.api.WorkspaceService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * App API (Herald extension): the calling workspace's settings, {@code GET/PUT
 * /v1/workspace/settings}. Today one setting: {@code api_requests_per_second}, the workspace's API
 * rate limit per API family ({@code null} uses the node default).
 */
@Path("/v1/workspace/settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AppWorkspaceSettingsResource {

  private static final String LIMIT = "api_requests_per_second";

  @Inject WorkspaceService workspaces;

  @Inject RateLimits limits;

  @Inject CurrentActor actor;

  @Inject
  @ConfigProperty(name = "herald.api.requests-per-second", defaultValue = "0")
  int defaultLimit;

  /** {@code {"api_requests_per_second": n|null, "default_api_requests_per_second": n}}. */
  @GET
  public Response settings() {
    return Response.ok(body().toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** {@code {"api_requests_per_second": 1..1000000 | null}}. */
  @PUT
  @Consumes(MediaType.WILDCARD)
  public Response update(InputStream in) {
    JsonValue parsed;
    try {
      parsed = JsonBodies.parse(JsonBodies.read(in, 4096));
    } catch (JsonBodies.BodyException e) {
      return ApiErrors.app(
          e.tooLarge() ? Response.Status.REQUEST_ENTITY_TOO_LARGE : Response.Status.BAD_REQUEST,
          e.getMessage());
    }
    if (!(parsed instanceof JsonObject body) || !body.containsKey(LIMIT)) {
      return ApiErrors.app(
          Response.Status.BAD_REQUEST, LIMIT + " is required (a whole number, or null)");
    }
    JsonValue value = body.get(LIMIT);
    OptionalInt limit;
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      limit = OptionalInt.empty();
    } else if (value instanceof JsonNumber n
        && n.isIntegral()
        && n.longValue() >= 1
        && n.longValue() <= 1_000_000) {
      limit = OptionalInt.of(n.intValue());
    } else {
      return ApiErrors.app(
          Response.Status.BAD_REQUEST,
          LIMIT + " must be a whole number from 1 to 1000000, or null");
    }
    workspaces.setApiRequestsPerSecond(actor.workspaceId(), limit);
    limits.forget(actor.workspaceId());
    return Response.ok(body().toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  private JsonObject body() {
    OptionalInt own = workspaces.apiRequestsPerSecond(actor.workspaceId());
    JsonObjectBuilder json = Jsons.createObjectBuilder();
    if (own.isPresent()) {
      json.add(LIMIT, own.getAsInt());
    } else {
      json.addNull(LIMIT);
    }
    return json.add("default_" + LIMIT, defaultLimit).build();
  }
}
