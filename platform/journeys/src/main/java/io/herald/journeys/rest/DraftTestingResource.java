package io.herald.journeys.rest;

import io.herald.journeys.api.JourneyService;
import io.herald.shared.json.Jsons;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * Herald's draft testing of App API campaigns: {@code POST
 * /v1/campaigns/{id}/nodes/{node_id}/test_send} (a send step's message to a person now, marked
 * {@code [TEST]}) and {@code POST /v1/campaigns/{id}/simulate} (a person's path on a virtual clock;
 * bodies in {@link DraftTestRequest}).
 */
@Path("/v1/campaigns")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DraftTestingResource {

  @Inject JourneyService journeys;

  @Inject CurrentActor actor;

  /** Sends a send step's message to a person as a test ({@code [TEST]}) → {@code delivery_id}. */
  @POST
  @Path("/{id}/nodes/{node_id}/test_send")
  @Consumes(MediaType.WILDCARD)
  public Response testSend(
      @PathParam("id") String id, @PathParam("node_id") String node, InputStream body) {
    return AppCampaignResource.withId(
        id,
        n ->
            AppCampaignResource.withBody(
                body,
                doc -> {
                  DraftTestRequest.Target t = DraftTestRequest.testSend(doc);
                  String delivery =
                      journeys.testSend(actor.workspaceId(), n, node, t.person(), t.data());
                  return CampaignJson.ok(
                      Jsons.createObjectBuilder()
                          .add("delivery_id", delivery)
                          .add("test", true)
                          .build());
                }));
  }

  /**
   * The path a person would take on a virtual clock, with hypothetical events and webhook answers.
   */
  @POST
  @Path("/{id}/simulate")
  @Consumes(MediaType.WILDCARD)
  public Response simulate(@PathParam("id") String id, InputStream body) {
    return AppCampaignResource.withId(
        id,
        n ->
            AppCampaignResource.withBody(
                body,
                doc -> {
                  DraftTestRequest.Simulate r = DraftTestRequest.simulate(doc);
                  return CampaignJson.ok(
                      DraftTestRequest.json(
                          journeys.simulate(
                              actor.workspaceId(),
                              n,
                              r.person(),
                              r.version(),
                              r.data(),
                              r.events(),
                              r.webhooks(),
                              r.horizon())));
                }));
  }
}
