package io.herald.journeys.rest;

import io.herald.journeys.api.JourneyService;
import io.herald.journeys.api.WebhookReceipt;
import io.herald.journeys.api.WebhookRefusedException;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.JsonBodies;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.InputStream;

/**
 * A webhook-triggered journey's inbound URL, {@code POST /v1/webhooks/journeys/{token}}: no App API
 * key (the token is the secret; the workspace's API filter lets this path through), a JSON object
 * body of at most 256 KB whose identifier (the trigger's {@code identifier} path) names an existing
 * person → 200 {@code {"entered":true|false,"run_id":…}} ({@code false}: the entry rules refused).
 * Errors are the App API's {@code {"meta":{"error":…}}}: 400 malformed JSON, not an object, or no
 * identifier; 404 unknown token or person; 409 journey not active; 413 too large.
 */
@Path("/v1/webhooks/journeys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InboundWebhookResource {

  /** The inbound URLs' path, before the token. */
  static final String PATH_PREFIX = "/v1/webhooks/journeys/";

  /** Largest body. */
  static final int MAX_BODY_BYTES = 256 * 1024;

  @Inject JourneyService journeys;

  @POST
  @Path("/{token}")
  @Consumes(MediaType.WILDCARD)
  public Response receive(@PathParam("token") String token, InputStream body) {
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
      WebhookReceipt r = journeys.receiveWebhook(token, value.asJsonObject());
      return CampaignJson.ok(
          Jsons.createObjectBuilder()
              .add("entered", r.runId() != 0)
              .add("run_id", r.runId())
              .build());
    } catch (WebhookRefusedException e) {
      Status status =
          switch (e.reason()) {
            case UNKNOWN_TOKEN, UNKNOWN_PERSON -> Status.NOT_FOUND;
            case NOT_ACTIVE -> Status.CONFLICT;
            default -> Status.BAD_REQUEST;
          };
      return CampaignJson.error(status, e.getMessage());
    }
  }
}
