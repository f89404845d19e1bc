package io.herald.inapp.rest;

import io.herald.inapp.api.SdkOrigins;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import io.herald.workspace.api.CurrentActor;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The workspace's in-app settings ({@code /v1/inapp/settings}, App API key, Herald's own call):
 * {@code {"allowed_origins":[…],"default":true|false}}, the origins browsers may call the SDK
 * endpoints from. {@code PUT} with a list replaces it; {@code null} or {@code []} returns to the
 * node default ({@code herald.inapp.allowed-origins}).
 */
@Path("/v1/inapp/settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InAppSettingsResource {

  static final int MAX_BODY_BYTES = 8 * 1024;

  @Inject SdkOrigins origins;

  @Inject CurrentActor actor;

  @GET
  public Response read() {
    return view(actor.workspaceId());
  }

  @PUT
  @Consumes(MediaType.WILDCARD)
  public Response write(InputStream body) {
    try {
      JsonObject json = SdkJson.object(body, MAX_BODY_BYTES);
      if (!json.containsKey("allowed_origins")) {
        return ApiErrors.app(Status.BAD_REQUEST, "allowed_origins is required");
      }
      JsonValue value = json.get("allowed_origins");
      List<String> list = new ArrayList<>();
      if (value.getValueType() == JsonValue.ValueType.ARRAY) {
        for (JsonValue v : value.asJsonArray()) {
          if (v.getValueType() != JsonValue.ValueType.STRING) {
            return ApiErrors.app(Status.BAD_REQUEST, "allowed_origins must be a list of strings");
          }
          list.add(((jakarta.json.JsonString) v).getString());
        }
      } else if (value.getValueType() != JsonValue.ValueType.NULL) {
        return ApiErrors.app(Status.BAD_REQUEST, "allowed_origins must be a list of strings");
      }
      origins.set(actor.workspaceId(), list);
      return view(actor.workspaceId());
    } catch (SdkJson.Refused e) {
      return e.response();
    } catch (IllegalArgumentException e) {
      return ApiErrors.app(Status.BAD_REQUEST, e.getMessage());
    }
  }

  private Response view(WorkspaceId workspace) {
    return SdkJson.ok(
        Jsons.createObjectBuilder()
            .add("allowed_origins", Jsons.createArrayBuilder(origins.allowed(workspace)))
            .add("default", origins.isDefault(workspace))
            .build());
  }
}
