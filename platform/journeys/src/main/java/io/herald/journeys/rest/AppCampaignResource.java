package io.herald.journeys.rest;

import io.herald.journeys.api.InvalidJourneyException;
import io.herald.journeys.api.JourneyNotFoundException;
import io.herald.journeys.api.JourneyService;
import io.herald.journeys.api.JourneyState;
import io.herald.journeys.api.JourneyView;
import io.herald.journeys.api.Node;
import io.herald.journeys.api.RunMove;
import io.herald.journeys.api.RunView;
import io.herald.journeys.api.Trigger;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.JsonBodies;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * App API campaigns: Customer.io's reads ({@code GET /v1/campaigns}, {@code /{id}}, {@code
 * /{id}/actions}, {@code /{id}/metrics}) and API triggers ({@code POST /v1/campaigns/{id}/triggers}
 * → {@code {"id":…}}), plus Herald's create ({@code POST /v1/campaigns} with a journey document,
 * also the import of an exported file), update ({@code PUT /v1/campaigns/{id}}), export ({@code GET
 * /v1/campaigns/{id}/definition}), state changes ({@code POST …/activate|pause|resume|archive}) and
 * runs ({@code GET …/runs}, {@code GET …/runs/{run_id}}, {@code POST …/runs/move}); draft testing
 * is {@link DraftTestingResource}.
 */
@Path("/v1/campaigns")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AppCampaignResource {

  /** Largest journey document or trigger body. */
  static final int MAX_BODY_BYTES = 512 * 1024;

  @Inject JourneyService journeys;

  @Inject CurrentActor actor;

  @GET
  public Response list() {
    JsonArrayBuilder list = Jsons.createArrayBuilder();
    journeys.list(actor.workspaceId()).forEach(j -> list.add(CampaignJson.campaign(j)));
    return CampaignJson.ok(Jsons.createObjectBuilder().add("campaigns", list).build());
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response create(InputStream body) {
    return withBody(
        body,
        doc -> {
          JourneyView created = journeys.create(actor.workspaceId(), doc);
          if (created.definition().trigger().type() != Trigger.TriggerType.WEBHOOK) {
            return envelope(created);
          }
          // The inbound URL's secret, shown this once (only its hash is kept).
          String token = journeys.rotateWebhookToken(actor.workspaceId(), created.id());
          return CampaignJson.ok(
              Jsons.createObjectBuilder()
                  .add("campaign", CampaignJson.campaign(created))
                  .add("webhook", webhook(token))
                  .build());
        });
  }

  /**
   * A new secret for a webhook-triggered journey's inbound URL (the old one stops working): {@code
   * {"webhook":{"token","path"}}}, shown this once.
   */
  @POST
  @Path("/{id}/webhook_token")
  public Response rotateWebhookToken(@PathParam("id") String id) {
    return withId(
        id,
        n ->
            CampaignJson.ok(
                Jsons.createObjectBuilder()
                    .add("webhook", webhook(journeys.rotateWebhookToken(actor.workspaceId(), n)))
                    .build()));
  }

  private static JsonObject webhook(String token) {
    return Jsons.createObjectBuilder()
        .add("token", token)
        .add("path", InboundWebhookResource.PATH_PREFIX + token)
        .build();
  }

  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") String id) {
    return withId(id, n -> envelope(journeys.find(actor.workspaceId(), n)));
  }

  /**
   * Replaces the definition; {@code ?move_runs=true} then moves the active runs of older versions
   * to the new one ({@link JourneyService#moveRuns}, answered as {@code moved_runs}).
   */
  @PUT
  @Path("/{id}")
  @Consumes(MediaType.WILDCARD)
  public Response update(
      @PathParam("id") String id, @QueryParam("move_runs") String moveRuns, InputStream body) {
    if (moveRuns != null && !moveRuns.equals("true") && !moveRuns.equals("false")) {
      return CampaignJson.error(Status.BAD_REQUEST, "move_runs must be true or false");
    }
    if (!"true".equals(moveRuns)) {
      return withId(
          id, n -> withBody(body, doc -> envelope(journeys.update(actor.workspaceId(), n, doc))));
    }
    return withId(
        id,
        n ->
            withBody(
                body,
                doc -> {
                  JourneyState state = journeys.find(actor.workspaceId(), n).state();
                  if (state != JourneyState.ACTIVE && state != JourneyState.PAUSED) {
                    throw new InvalidJourneyException(
                        "move_runs: campaign "
                            + n
                            + " is "
                            + state.wire()
                            + ", it has no runs to"
                            + " move");
                  }
                  JourneyView j = journeys.update(actor.workspaceId(), n, doc);
                  RunMove moved = journeys.moveRuns(actor.workspaceId(), n);
                  return CampaignJson.ok(
                      Jsons.createObjectBuilder()
                          .add("campaign", CampaignJson.campaign(j))
                          .add("moved_runs", moved(moved))
                          .build());
                }));
  }

  /** Moves the active runs of older versions to the current one → {@code moved_runs}. */
  @POST
  @Path("/{id}/runs/move")
  public Response moveRuns(@PathParam("id") String id) {
    return withId(
        id,
        n ->
            CampaignJson.ok(
                Jsons.createObjectBuilder()
                    .add("moved_runs", moved(journeys.moveRuns(actor.workspaceId(), n)))
                    .build()));
  }

  private static JsonObject moved(RunMove m) {
    return Jsons.createObjectBuilder()
        .add("version", m.version())
        .add("moved", m.moved())
        .add("exited", m.exited())
        .build();
  }

  /** The current version's document, as given: what {@code POST /v1/campaigns} imports. */
  @GET
  @Path("/{id}/definition")
  public Response definition(@PathParam("id") String id) {
    return withId(
        id,
        n ->
            Response.ok(
                    journeys.find(actor.workspaceId(), n).definition().document().toString(),
                    MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"campaign-" + n + ".json\"")
                .build());
  }

  @POST
  @Path("/{id}/activate")
  public Response activate(@PathParam("id") String id) {
    return move(id, JourneyState.ACTIVE);
  }

  @POST
  @Path("/{id}/resume")
  public Response resume(@PathParam("id") String id) {
    return withId(
        id,
        n -> {
          if (journeys.find(actor.workspaceId(), n).state() != JourneyState.PAUSED) {
            throw new InvalidJourneyException("campaign " + n + " is not paused");
          }
          return envelope(journeys.changeState(actor.workspaceId(), n, JourneyState.ACTIVE));
        });
  }

  @POST
  @Path("/{id}/pause")
  public Response pause(@PathParam("id") String id) {
    return move(id, JourneyState.PAUSED);
  }

  @POST
  @Path("/{id}/archive")
  public Response archive(@PathParam("id") String id) {
    return move(id, JourneyState.ARCHIVED);
  }

  @GET
  @Path("/{id}/actions")
  public Response actions(@PathParam("id") String id) {
    return withId(
        id,
        n -> {
          JourneyView j = journeys.find(actor.workspaceId(), n);
          JsonArrayBuilder list = Jsons.createArrayBuilder();
          for (Node node : j.definition().nodes().values()) {
            list.add(CampaignJson.action(j, node));
          }
          return CampaignJson.ok(
              Jsons.createObjectBuilder().add("actions", list).add("next", "").build());
        });
  }

  @GET
  @Path("/{id}/metrics")
  public Response metrics(@PathParam("id") String id) {
    return withId(
        id, n -> CampaignJson.ok(CampaignJson.metrics(journeys.metrics(actor.workspaceId(), n))));
  }

  /** Runs, newest first: {@code ?state=active|completed|exited&start=<run id>&limit=1..1000}. */
  @GET
  @Path("/{id}/runs")
  public Response runs(
      @PathParam("id") String id,
      @QueryParam("state") String state,
      @QueryParam("start") String start,
      @QueryParam("limit") String limit) {
    if (state != null && !List.of("active", "completed", "exited").contains(state)) {
      return CampaignJson.error(
          Status.BAD_REQUEST, "state must be one of active, completed, exited");
    }
    long before;
    int max;
    try {
      before = start == null || start.isEmpty() ? 0 : Long.parseLong(start);
      max = limit == null ? 100 : Integer.parseInt(limit);
    } catch (NumberFormatException e) {
      return CampaignJson.error(Status.BAD_REQUEST, "start and limit must be whole numbers");
    }
    if (max < 1 || max > 1000 || before < 0) {
      return CampaignJson.error(Status.BAD_REQUEST, "limit must be 1 to 1000");
    }
    return withId(
        id,
        n -> {
          List<RunView> runs = journeys.runs(actor.workspaceId(), n, state, before, max);
          JsonArrayBuilder list = Jsons.createArrayBuilder();
          runs.forEach(r -> list.add(CampaignJson.run(r, false)));
          String next = runs.size() == max ? Long.toString(runs.get(runs.size() - 1).id()) : "";
          return CampaignJson.ok(
              Jsons.createObjectBuilder().add("runs", list).add("next", next).build());
        });
  }

  @GET
  @Path("/{id}/runs/{run_id}")
  public Response run(@PathParam("id") String id, @PathParam("run_id") String runId) {
    OptionalLong run = CampaignJson.id(runId);
    if (run.isEmpty()) {
      return CampaignJson.error(Status.NOT_FOUND, "run " + runId + " not found");
    }
    return withId(
        id,
        n -> {
          try {
            RunView r = journeys.run(actor.workspaceId(), n, run.getAsLong());
            return CampaignJson.ok(
                Jsons.createObjectBuilder().add("run", CampaignJson.run(r, true)).build());
          } catch (JourneyNotFoundException e) {
            return CampaignJson.error(Status.NOT_FOUND, "run " + runId + " not found");
          }
        });
  }

  /** Customer.io's API-triggered broadcast: starts runs for the audience → {@code {"id":…}}. */
  @POST
  @Path("/{id}/triggers")
  @Consumes(MediaType.WILDCARD)
  public Response trigger(@PathParam("id") String id, InputStream body) {
    return withId(
        id,
        n ->
            withBody(
                body,
                doc -> {
                  long trigger =
                      journeys.trigger(actor.workspaceId(), n, TriggerRequest.parse(doc));
                  return CampaignJson.ok(Jsons.createObjectBuilder().add("id", trigger).build());
                }));
  }

  private Response move(String id, JourneyState target) {
    return withId(id, n -> envelope(journeys.changeState(actor.workspaceId(), n, target)));
  }

  private static Response envelope(JourneyView j) {
    return CampaignJson.ok(
        Jsons.createObjectBuilder().add("campaign", CampaignJson.campaign(j)).build());
  }

  static Response withId(String id, LongFunction<Response> work) {
    OptionalLong n = CampaignJson.id(id);
    if (n.isEmpty()) {
      return CampaignJson.error(Status.NOT_FOUND, "campaign " + id + " not found");
    }
    try {
      return work.apply(n.getAsLong());
    } catch (JourneyNotFoundException e) {
      return CampaignJson.error(Status.NOT_FOUND, e.getMessage());
    } catch (InvalidJourneyException e) {
      return CampaignJson.error(Status.BAD_REQUEST, e.getMessage());
    }
  }

  static Response withBody(
      InputStream body, java.util.function.Function<JsonObject, Response> work) {
    JsonValue value;
    try {
      value = JsonBodies.parse(JsonBodies.read(body, MAX_BODY_BYTES));
    } catch (JsonBodies.BodyException e) {
      return CampaignJson.error(
          e.tooLarge() ? Status.REQUEST_ENTITY_TOO_LARGE : Status.BAD_REQUEST, e.getMessage());
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      return CampaignJson.error(Status.BAD_REQUEST, "request body must be a JSON object");
    }
    try {
      return work.apply(value.asJsonObject());
    } catch (InvalidJourneyException e) {
      return CampaignJson.error(Status.BAD_REQUEST, e.getMessage());
    } catch (JourneyNotFoundException e) {
      return CampaignJson.error(Status.NOT_FOUND, e.getMessage());
    }
  }
}
