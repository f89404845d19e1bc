package io.herald.people.rest;

import io.herald.people.api.InvalidPersonDataException;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.shared.rest.ApiErrors;
import io.herald.shared.rest.JsonBodies;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;

/** Track API v1 device calls ({@code /api/v1/customers/{identifier}/devices}). */
@Path("/api/v1/customers/{identifier}/devices")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TrackDeviceResource {

  /** Largest body: a device is a token, a platform and a few attributes. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  @Inject PeopleService people;

  @Inject CurrentActor actor;

  /**
   * Adds or updates a device of a person (Customer.io {@code addDevice}), creating the person when
   * missing. Body {@code {"device":{"id","platform","last_used","attributes"}}}; answers {@code 200
   * {}}, also when a suppressed identifier made it write nothing.
   */
  @PUT
  @Consumes(MediaType.WILDCARD)
  public Response add(@PathParam("identifier") String identifier, InputStream body) {
    PersonRef ref = PersonRef.fromTrackPath(identifier);
    if (!ref.wellFormed()) {
      return badRequest("identifier must be 1 to " + PersonRef.MAX_BYTES + " bytes");
    }
    JsonValue value;
    try {
      value = JsonBodies.parse(JsonBodies.read(body, MAX_BODY_BYTES));
    } catch (JsonBodies.BodyException e) {
      return ApiErrors.trackV1(
          e.tooLarge() ? Response.Status.REQUEST_ENTITY_TOO_LARGE : Response.Status.BAD_REQUEST,
          List.of(e.getMessage()));
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      return badRequest("request body must be a JSON object: {\"device\":{…}}");
    }
    JsonValue device = value.asJsonObject().get("device");
    if (device == null || device == JsonValue.NULL) {
      return badRequest("device is required: {\"device\":{\"id\":…,\"platform\":…}}");
    }
    if (device.getValueType() != JsonValue.ValueType.OBJECT) {
      return badRequest("device must be an object");
    }
    try {
      people.addDevice(actor.workspaceId(), ref, device.asJsonObject());
    } catch (InvalidPersonDataException e) {
      return ApiErrors.trackV1(Response.Status.BAD_REQUEST, e.problems());
    }
    return ok();
  }

  /** Removes a device from a person (Customer.io {@code deleteDevice}); 200 also when absent. */
  @DELETE
  @Path("/{device_id}")
  public Response delete(
      @PathParam("identifier") String identifier, @PathParam("device_id") String token) {
    PersonRef ref = PersonRef.fromTrackPath(identifier);
    if (!ref.wellFormed()) {
      return badRequest("identifier must be 1 to " + PersonRef.MAX_BYTES + " bytes");
    }
    if (token.isBlank()) {
      return badRequest("device_id must not be empty");
    }
    people.deleteDevice(actor.workspaceId(), ref, token.trim());
    return ok();
  }

  private static Response ok() {
    return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static Response badRequest(String message) {
    return ApiErrors.trackV1(Response.Status.BAD_REQUEST, List.of(message));
  }
}
