package io.herald.journeys.rest;

import io.herald.journeys.api.BroadcastNotFoundException;
import io.herald.journeys.api.BroadcastService;
import io.herald.journeys.api.InvalidJourneyException;
import io.herald.journeys.api.JourneyNotFoundException;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.JsonBodies;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Herald's broadcasts of an API-triggered journey (App API): {@code POST
 * /v1/campaigns/{id}/broadcasts} schedules one (→ {@code {"broadcast":…}}), {@code GET} lists the
 * journey's, {@code GET …/broadcasts/{broadcast_id}} reads one's progress and {@code POST
 * …/broadcasts/{broadcast_id}/cancel} stops it.
 */
@Path("/v1/campaigns/{id}/broadcasts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AppBroadcastResource {

  /** Largest broadcast body (its data is every run's trigger data). */
  static final int MAX_BODY_BYTES = 512 * 1024;

  @Inject BroadcastService broadcasts;

  @Inject CurrentActor actor;

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response schedule(@PathParam("id") String id, InputStream body) {
    JsonValue value;
    try {
      value = JsonBodies.parse(JsonBodies.read(body, MAX_BODY_BYTES));
    } catch (JsonBodies.BodyException e) {
      return CampaignJson.error(
          e.tooLarge() ? Status.REQUEST_ENTITY_TOO_LARGE : Status.BAD_REQUEST, e.getMessage());
    }
    OptionalLong journey = CampaignJson.id(id);
    if (journey.isEmpty()) {
      return CampaignJson.error(Status.NOT_FOUND, "campaign " + id + " not found");
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      return CampaignJson.error(Status.BAD_REQUEST, "request body must be a JSON object");
    }
    return guarded(
        () ->
            one(
                broadcasts.schedule(
                    actor.workspaceId(),
                    journey.getAsLong(),
                    BroadcastJson.request(value.asJsonObject()))));
  }

  @GET
  public Response list(@PathParam("id") String id) {
    OptionalLong journey = CampaignJson.id(id);
    if (journey.isEmpty()) {
      return CampaignJson.error(Status.NOT_FOUND, "campaign " + id + " not found");
    }
    return guarded(
        () -> {
          JsonArrayBuilder list = Jsons.createArrayBuilder();
          broadcasts
              .list(actor.workspaceId(), journey.getAsLong())
              .forEach(b -> list.add(BroadcastJson.broadcast(b)));
          return CampaignJson.ok(Jsons.createObjectBuilder().add("broadcasts", list).build());
        });
  }

  @GET
  @Path("/{broadcast_id}")
  public Response get(@PathParam("id") String id, @PathParam("broadcast_id") String broadcastId) {
    return withIds(
        id,
        broadcastId,
        (journey, broadcast) -> one(broadcasts.find(actor.workspaceId(), journey, broadcast)));
  }

  @POST
  @Path("/{broadcast_id}/cancel")
  public Response cancel(
      @PathParam("id") String id, @PathParam("broadcast_id") String broadcastId) {
    return withIds(
        id,
        broadcastId,
        (journey, broadcast) -> one(broadcasts.cancel(actor.workspaceId(), journey, broadcast)));
  }

  /** Work on a journey id and a broadcast id from the path. */
  @FunctionalInterface
  private interface IdsWork {
    Response apply(long journey, long broadcast);
  }

  private static Response withIds(String id, String broadcastId, IdsWork work) {
    OptionalLong journey = CampaignJson.id(id);
    if (journey.isEmpty()) {
      return CampaignJson.error(Status.NOT_FOUND, "campaign " + id + " not found");
    }
    OptionalLong broadcast = CampaignJson.id(broadcastId);
    if (broadcast.isEmpty()) {
      return CampaignJson.error(Status.NOT_FOUND, "broadcast " + broadcastId + " not found");
    }
    return guarded(() -> work.apply(journey.getAsLong(), broadcast.getAsLong()));
  }

  private static Response one(io.herald.journeys.api.BroadcastView b) {
    return CampaignJson.ok(
        Jsons.createObjectBuilder().add("broadcast", BroadcastJson.broadcast(b)).build());
  }

  static Response guarded(Supplier<Response> work) {
    try {
      return work.get();
    } catch (JourneyNotFoundException | BroadcastNotFoundException e) {
      return CampaignJson.error(Status.NOT_FOUND, e.getMessage());
    } catch (InvalidJourneyException e) {
      return CampaignJson.error(Status.BAD_REQUEST, e.getMessage());
    }
  }
}
