package io.herald.journeys.rest;

import io.herald.journeys.api.BroadcastService;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.OptionalLong;

/**
 * Customer.io's status of an API-triggered broadcast's trigger: {@code GET
 * /v1/campaigns/{broadcast_id}/triggers/{trigger_id}} → {@code {"id","broadcast_id","created_at",
 * "processed_at"}} (plus Herald's {@code processed}, {@code people} and {@code entered}).
 */
@Path("/v1/campaigns/{id}/triggers/{trigger_id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AppTriggerStatusResource {

  @Inject BroadcastService broadcasts;

  @Inject CurrentActor actor;

  @GET
  public Response status(@PathParam("id") String id, @PathParam("trigger_id") String triggerId) {
    OptionalLong journey = CampaignJson.id(id);
    if (journey.isEmpty()) {
      return CampaignJson.error(Status.NOT_FOUND, "campaign " + id + " not found");
    }
    OptionalLong trigger = CampaignJson.id(triggerId);
    if (trigger.isEmpty()) {
      return CampaignJson.error(Status.NOT_FOUND, "trigger " + triggerId + " not found");
    }
    return AppBroadcastResource.guarded(
        () ->
            CampaignJson.ok(
                BroadcastJson.trigger(
                    broadcasts.apiTrigger(
                        actor.workspaceId(), journey.getAsLong(), trigger.getAsLong()))));
  }
}
