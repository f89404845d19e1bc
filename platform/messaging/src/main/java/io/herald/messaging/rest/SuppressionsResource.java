package io.herald.messaging.rest;

import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.SuppressionView;
import io.herald.messaging.api.Suppressions;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The workspace's suppression list ({@code /v1/suppressions}, App API key, Herald's own API):
 * addresses that bounced permanently, complained or were added here get no more messages.
 */
@Path("/v1/suppressions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SuppressionsResource {

  static final int MAX_BODY_BYTES = 4 * 1024;
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 1000;

  @Inject Suppressions suppressions;

  @Inject CurrentActor actor;

  /**
   * {@code {"suppressions":[…],"next":"…"}}, newest first; {@code start} is a previous page's
   * {@code next} (empty on the last page).
   */
  @GET
  public Response list(
      @QueryParam("channel") String channel,
      @QueryParam("start") String start,
      @QueryParam("limit") String limitText) {
    String ch = channel == null || channel.isEmpty() ? "email" : channel;
    if (!Suppressions.CHANNELS.contains(ch)) {
      return ApiErrors.app(
          Status.BAD_REQUEST, "channel must be one of " + String.join(", ", Suppressions.CHANNELS));
    }
    int limit = DEFAULT_LIMIT;
    if (limitText != null) {
      limit = parse(limitText, MAX_LIMIT);
      if (limit < 1) {
        return ApiErrors.app(Status.BAD_REQUEST, "limit must be an integer from 1 to " + MAX_LIMIT);
      }
    }
    Long before = null;
    if (start != null && !start.isEmpty()) {
      try {
        before = Long.parseLong(start);
      } catch (NumberFormatException e) {
        before = 0L;
      }
      if (before < 1) {
        return ApiErrors.app(Status.BAD_REQUEST, "start is not a page token this API gave");
      }
    }
    List<SuppressionView> page = suppressions.list(actor.workspaceId(), ch, before, limit + 1);
    JsonArrayBuilder list = Jsons.createArrayBuilder();
    page.stream().limit(limit).forEach(s -> list.add(json(s)));
    String next = page.size() > limit ? Long.toString(page.get(limit - 1).id()) : "";
    return MessagingJson.ok(
        Jsons.createObjectBuilder().add("suppressions", list).add("next", next).build());
  }

  /**
   * Suppresses an address by hand: {@code {"channel":"email","address":"…"}} → 201 with {@code
   * {"suppression":{…}}}, or 200 with the earlier suppression when the address already was.
   */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response add(InputStream body) {
    try {
      JsonObject json = MessagingJson.object(body, MAX_BODY_BYTES);
      List<String> problems = new ArrayList<>();
      Fields f = new Fields(json, problems);
      String channel = f.string("channel", 16);
      String address = f.string("address", Suppressions.MAX_ADDRESS);
      if (channel == null && !json.containsKey("channel")) {
        problems.add("channel is required");
      }
      if (address == null && !json.containsKey("address")) {
        problems.add("address is required");
      }
      if (!problems.isEmpty()) {
        throw new InvalidMessageException(problems);
      }
      Suppressions.Added added = suppressions.add(actor.workspaceId(), channel, address);
      return MessagingJson.status(
          added.created() ? Status.CREATED : Status.OK,
          Jsons.createObjectBuilder().add("suppression", json(added.suppression())).build());
    } catch (MessagingJson.Refused e) {
      return e.response();
    } catch (InvalidMessageException e) {
      return ApiErrors.app(Status.BAD_REQUEST, e.getMessage());
    }
  }

  /** Lifts a suppression: 204, or 404 for an address that is not suppressed. */
  @DELETE
  @Path("/{channel}/{address}")
  public Response remove(
      @PathParam("channel") String channel, @PathParam("address") String address) {
    if (!Suppressions.CHANNELS.contains(channel)) {
      return ApiErrors.app(
          Status.NOT_FOUND, "channel must be one of " + String.join(", ", Suppressions.CHANNELS));
    }
    return suppressions.remove(actor.workspaceId(), channel, address)
        ? Response.noContent().build()
        : ApiErrors.app(Status.NOT_FOUND, "suppression of " + address + " not found");
  }

  /** A non-negative integer up to {@code max}, else -1. */
  private static int parse(String text, int max) {
    try {
      int value = Integer.parseInt(text);
      return value > max ? -1 : value;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static JsonObject json(SuppressionView s) {
    JsonObjectBuilder b =
        Jsons.createObjectBuilder()
            .add("channel", s.channel())
            .add("address", s.address())
            .add("reason", s.reason())
            .add("created_at", MessagingJson.seconds(s.createdAt()));
    if (s.deliveryId() == null) {
      b.addNull("delivery_id");
    } else {
      b.add("delivery_id", s.deliveryId());
    }
    return b.build();
  }
}
