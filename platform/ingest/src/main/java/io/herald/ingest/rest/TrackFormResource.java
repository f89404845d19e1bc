package io.herald.ingest.rest;

import io.herald.ingest.internal.Forms;
import io.herald.shared.rest.ApiErrors;
import io.herald.shared.rest.JsonBodies;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;

/** Track API v1 {@code POST /api/v1/forms/{form_id}/submit}: 204, or 400 naming the field. */
@Path("/api/v1/forms/{form_id}/submit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TrackFormResource {

  static final int MAX_BODY_BYTES = 64 * 1024;

  @Inject Forms forms;

  @Inject CurrentActor actor;

  /** Identifies the submitter and records the submission. */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response submit(@PathParam("form_id") String formId, InputStream in) {
    JsonValue body;
    try {
      body = JsonBodies.parse(JsonBodies.read(in, MAX_BODY_BYTES));
    } catch (JsonBodies.BodyException e) {
      return ApiErrors.trackV1(
          e.tooLarge() ? Response.Status.REQUEST_ENTITY_TOO_LARGE : Response.Status.BAD_REQUEST,
          List.of(e.getMessage()));
    }
    if (body.getValueType() != JsonValue.ValueType.OBJECT) {
      return ApiErrors.trackV1(
          Response.Status.BAD_REQUEST, List.of("request body must be a JSON object"));
    }
    List<String> problems = forms.submit(actor.workspaceId(), formId, body.asJsonObject());
    if (!problems.isEmpty()) {
      return ApiErrors.trackV1(Response.Status.BAD_REQUEST, problems);
    }
    return Response.noContent().build();
  }
}
