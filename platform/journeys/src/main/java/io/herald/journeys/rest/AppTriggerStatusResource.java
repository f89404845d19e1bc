package io.herald.journeys.rest;

import io.herald.journeys.api.ApiTriggerError;
import io.herald.journeys.api.BroadcastService;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.OptionalLong;

/**
 * Customer.io's status of an API-triggered broadcast's trigger: {@code GET
 * /v1/campaigns/{broadcast_id}/triggers/{trigger_id}} → {@code {"id","broadcast_id","created_at",
 * "processed_at"}} (plus Herald's {@code processed}, {@code people}, {@code entered} and {@code
 * errors}), and its per-person errors: {@code GET …/errors?start=&limit=} → {@code
 * {"errors":[{"batch_index","reason","field","message"}],"next"}}.
 */
@Path("/v1/campaigns/{id}/triggers/{trigger_id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AppTriggerStatusResource {

  @Inject BroadcastService broadcasts;

  @Inject CurrentActor actor;

  /** Errors per page unless {@code limit} says otherwise. */
  static final int DEFAULT_LIMIT = 50;

  @GET
  public Response status(@PathParam("id") String id, @PathParam("trigger_id") String triggerId) {
    return withIds(
        id,
        triggerId,
        (journey, trigger) ->
            CampaignJson.ok(
                BroadcastJson.trigger(
                    broadcasts.apiTrigger(actor.workspaceId(), journey, trigger))));
  }

  /** The per-person errors of the trigger, in request order, a page at a time. */
  @GET
  @Path("/errors")
  public Response errors(
      @PathParam("id") String id,
      @PathParam("trigger_id") String triggerId,
      @QueryParam("start") String start,
      @QueryParam("limit") String limit) {
    int n = DEFAULT_LIMIT;
    if (limit != null && !limit.isEmpty()) {
      try {
        n = Integer.parseInt(limit);
      } catch (NumberFormatException e) {
        n = 0;
      }
      if (n < 1 || n > ApiTriggerError.MAX_KEPT) {
        return CampaignJson.error(
            Status.BAD_REQUEST, "limit: must be a whole number from 1 to 1000");
      }
    }
    int size = n;
    return withIds(
        id,
        triggerId,
        (journey, trigger) ->
            CampaignJson.ok(
                BroadcastJson.triggerErrors(
                    broadcasts.apiTriggerErrors(
                        actor.workspaceId(), journey, trigger, start, size))));
  }

  private interface Work {
    Response run(long journey, long trigger);
  }

  private static Response withIds(String id, String triggerId, Work work) {
    OptionalLong journey = CampaignJson.id(id);
    if (journey.isEmpty()) {
      return CampaignJson.error(Status.NOT_FOUND, "campaign " + id + " not found");
    }
    OptionalLong trigger = CampaignJson.id(triggerId);
    if (trigger.isEmpty()) {
      return CampaignJson.error(Status.NOT_FOUND, "trigger " + triggerId + " not found");
    }
    return AppBroadcastResource.guarded(() -> work.run(journey.getAsLong(), trigger.getAsLong()));
  }
}
