package io.herald.objects.rest;

import io.herald.objects.api.InvalidObjectDataException;
import io.herald.objects.api.ObjectService;
import io.herald.objects.api.ObjectService.TypeCreation;
import io.herald.shared.json.Jsons;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/** App API object types ({@code /v1/object_types}). */
@Path("/v1/object_types")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AppObjectTypeResource {

  static final int MAX_BODY_BYTES = 4 * 1024;

  @Inject ObjectService objects;

  @Inject CurrentActor actor;

  /** Customer.io {@code GET /v1/object_types}: {@code {"types":[{"id":"1","name":"…"}]}}. */
  @GET
  public Response list() {
    JsonArrayBuilder types = Jsons.createArrayBuilder();
    objects.types(actor.workspaceId()).forEach(t -> types.add(ObjectJson.type(t)));
    return ObjectJson.ok(Jsons.createObjectBuilder().add("types", types));
  }

  /**
   * Creates a type with the next id ({@code {"name":"Companies"}}): 201 {@code {"type":{…}}}, or
   * 200 with the existing type of that name (case-insensitive).
   */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response create(InputStream body) {
    try {
      JsonObject request = ObjectJson.body(body, MAX_BODY_BYTES);
      for (String key : request.keySet()) {
        if (!key.equals("name")) {
          throw InvalidObjectDataException.of(key, "is not known; send {\"name\":\"…\"}");
        }
      }
      JsonValue name = request.get("name");
      if (!(name instanceof JsonString s)) {
        throw InvalidObjectDataException.of("name", "is required and must be a string");
      }
      TypeCreation creation = objects.createType(actor.workspaceId(), s.getString());
      return ObjectJson.status(
          creation.created() ? Response.Status.CREATED : Response.Status.OK,
          Jsons.createObjectBuilder().add("type", ObjectJson.type(creation.type())).build());
    } catch (ObjectJson.BadBody e) {
      return e.response();
    } catch (InvalidObjectDataException e) {
      return ObjectJson.invalid(e);
    }
  }
}
