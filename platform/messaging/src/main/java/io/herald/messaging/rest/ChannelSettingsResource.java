package io.herald.messaging.rest;

import io.herald.messaging.api.ChannelSettingInput;
import io.herald.messaging.api.ChannelSettings;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A workspace's channel providers ({@code /v1/channel_settings}, App API key, Herald's own API).
 * Secret values are write-only: answers list which secrets are set, never their values.
 */
@Path("/v1/channel_settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChannelSettingsResource {

  static final int MAX_BODY_BYTES = 64 * 1024;

  @Inject ChannelSettings settings;

  @Inject CurrentActor actor;

  /** {@code {"channel_settings":[…]}}. */
  @GET
  public Response list() {
    JsonArrayBuilder list = Jsons.createArrayBuilder();
    settings.list(actor.workspaceId()).forEach(s -> list.add(MessagingJson.channelSetting(s)));
    return MessagingJson.ok(Jsons.createObjectBuilder().add("channel_settings", list).build());
  }

  /**
   * Creates or replaces a setting: {@code {"channel":"email","provider":"email-smtp",
   * "default":true,"settings":{…}}}. A secret left out keeps its stored value.
   */
  @PUT
  @Path("/{name}")
  @Consumes(MediaType.WILDCARD)
  public Response save(@PathParam("name") String name, InputStream body) {
    try {
      JsonObject json = MessagingJson.object(body, MAX_BODY_BYTES);
      List<String> problems = new ArrayList<>();
      Fields f = new Fields(json, problems);
      String channel = f.string("channel", 16);
      String provider = f.string("provider", 64);
      Boolean isDefault = f.bool("default");
      Map<String, String> values = f.strings("settings");
      if (channel == null && !json.containsKey("channel")) {
        problems.add("channel is required");
      }
      if (provider == null && !json.containsKey("provider")) {
        problems.add("provider is required");
      }
      if (!problems.isEmpty()) {
        throw new InvalidMessageException(problems);
      }
      return MessagingJson.ok(
          Jsons.createObjectBuilder()
              .add(
                  "channel_setting",
                  MessagingJson.channelSetting(
                      settings.save(
                          actor.workspaceId(),
                          new ChannelSettingInput(
                              name, channel, provider, values, Boolean.TRUE.equals(isDefault)))))
              .build());
    } catch (MessagingJson.Refused e) {
      return e.response();
    } catch (InvalidMessageException e) {
      return ApiErrors.app(Status.BAD_REQUEST, e.getMessage());
    }
  }

  /** 204, or 404 for a name the workspace does not have. */
  @DELETE
  @Path("/{name}")
  public Response delete(@PathParam("name") String name) {
    return settings.delete(actor.workspaceId(), name)
        ? Response.noContent().build()
        : ApiErrors.app(Status.NOT_FOUND, "channel setting " + name + " not found");
  }
}
