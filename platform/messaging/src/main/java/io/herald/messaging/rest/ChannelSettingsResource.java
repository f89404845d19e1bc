package io.herald.messaging.rest;

import io.herald.messaging.api.ChannelSettingInput;
import io.herald.messaging.api.ChannelSettings;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.SendRateLimit;
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
      SendRateLimit rateLimit = rateLimit(f.object("rate_limit"), problems);
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
                              name,
                              channel,
                              provider,
                              values,
                              Boolean.TRUE.equals(isDefault),
                              rateLimit))))
              .build());
    } catch (MessagingJson.Refused e) {
      return e.response();
    } catch (InvalidMessageException e) {
      return ApiErrors.app(Status.BAD_REQUEST, e.getMessage());
    }
  }

  /** {@code {"per_second": 50, "burst": 10, "domains": {"gmail.com": 20}}}, null when absent. */
  private static SendRateLimit rateLimit(JsonObject json, List<String> problems) {
    if (json == null) {
      return null;
    }
    List<String> own = new ArrayList<>();
    Fields f = new Fields(json, own);
    Long perSecond = f.integer("per_second");
    Long burst = f.integer("burst");
    JsonObject domains = f.object("domains");
    Map<String, Integer> perDomain = new java.util.TreeMap<>();
    if (domains != null) {
      List<String> domainProblems = new ArrayList<>();
      Fields d = new Fields(domains, domainProblems);
      for (String domain : domains.keySet()) {
        Long rate = d.integer(domain);
        if (rate != null) {
          perDomain.put(domain, clamp(rate));
        }
      }
      domainProblems.forEach(p -> own.add("domains." + p));
    }
    if (perSecond == null && !json.containsKey("per_second")) {
      own.add("per_second is required");
    }
    own.forEach(p -> problems.add("rate_limit." + p));
    if (!own.isEmpty()) {
      return null;
    }
    return new SendRateLimit(clamp(perSecond), burst == null ? 0 : clamp(burst), perDomain);
  }

  /** Out-of-range values stay out of range (and are refused with the field) instead of wrapping. */
  private static int clamp(long value) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
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
