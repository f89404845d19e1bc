package io.herald.workspace.rest;

import io.herald.shared.rest.ApiErrors;
import io.herald.shared.rest.JsonBodies;
import io.herald.workspace.api.CurrentActor;
import io.herald.workspace.api.WorkspaceService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * App API (Herald extension): the calling workspace's settings, {@code GET/PUT
 * /v1/workspace/settings}: {@code api_requests_per_second}, the workspace's API rate limit per API
 * family ({@code null} uses the node default), and {@code timezone}, the IANA time zone data
 * segments read calendar days in ({@code UTC} unless set). A PUT changes the settings it names and
 * keeps the others; it checks every value before changing any.
 */
@Path("/v1/workspace/settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AppWorkspaceSettingsResource {

  private static final String LIMIT = "api_requests_per_second";
  private static final String TIMEZONE = "timezone";

  @Inject WorkspaceService workspaces;

  @Inject RateLimits limits;

  @Inject CurrentActor actor;

  @Inject
  @ConfigProperty(name = "herald.api.requests-per-second", defaultValue = "0")
  int defaultLimit;

  /**
   * {@code {"api_requests_per_second": n|null, "default_api_requests_per_second": n, "timezone":
   * "…"}}.
   */
  @GET
  public Response settings() {
    return Response.ok(body().toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** {@code {"api_requests_per_second": 1..1000000 | null, "timezone": "Europe/Paris"}}, either. */
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
    if (!(parsed instanceof JsonObject body)
        || !(body.containsKey(LIMIT) || body.containsKey(TIMEZONE))) {
      return ApiErrors.app(
          Response.Status.BAD_REQUEST,
          LIMIT + " (a whole number, or null) or " + TIMEZONE + " (an IANA time zone) is required");
    }
    OptionalInt limit = OptionalInt.empty();
    if (body.containsKey(LIMIT)) {
      JsonValue value = body.get(LIMIT);
      if (value instanceof JsonNumber n
          && n.isIntegral()
          && n.longValue() >= 1
          && n.longValue() <= 1_000_000) {
        limit = OptionalInt.of(n.intValue());
      } else if (value.getValueType() != JsonValue.ValueType.NULL) {
        return ApiErrors.app(
            Response.Status.BAD_REQUEST,
            LIMIT + " must be a whole number from 1 to 1000000, or null");
      }
    }
    Optional<ZoneId> zone = Optional.empty();
    if (body.containsKey(TIMEZONE)) {
      zone = zone(body.get(TIMEZONE));
      if (zone.isEmpty()) {
        return ApiErrors.app(
            Response.Status.BAD_REQUEST,
            TIMEZONE + " must be an IANA time zone name such as Europe/Paris or UTC");
      }
    }
    if (body.containsKey(LIMIT)) {
      workspaces.setApiRequestsPerSecond(actor.workspaceId(), limit);
      limits.forget(actor.workspaceId());
    }
    zone.ifPresent(z -> workspaces.setTimeZone(actor.workspaceId(), z));
    return Response.ok(body().toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** A region-based IANA zone name this JVM knows ({@code UTC} included); offsets are refused. */
  private static Optional<ZoneId> zone(JsonValue value) {
    if (value instanceof JsonString s && ZoneId.getAvailableZoneIds().contains(s.getString())) {
      return Optional.of(ZoneId.of(s.getString()));
    }
    return Optional.empty();
  }

  private JsonObject body() {
    OptionalInt own = workspaces.apiRequestsPerSecond(actor.workspaceId());
    JsonObjectBuilder json = Json.createObjectBuilder();
    if (own.isPresent()) {
      json.add(LIMIT, own.getAsInt());
    } else {
      json.addNull(LIMIT);
    }
    return json.add("default_" + LIMIT, defaultLimit)
        .add(TIMEZONE, workspaces.timeZone(actor.workspaceId()).getId())
        .build();
  }
}
