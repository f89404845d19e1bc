package io.herald.ingest.rest;

import io.herald.ingest.internal.EntityError;
import io.herald.ingest.internal.TrackEntities;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.JsonBodies;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Track API v2: {@code POST /api/v2/entity} (one entity: 200 {@code {}} or 400 with the error) and
 * {@code POST /api/v2/batch} (200 {@code {}} when every entity applied, else 207 with one error per
 * rejected {@code batch_index}; the others are kept).
 */
@Path("/api/v2")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TrackV2Resource {

  /** Largest batch body (Customer.io: 500 KB). */
  static final int MAX_BATCH_BYTES = 500 * 1024;

  @Inject TrackEntities entities;

  @Inject CurrentActor actor;

  /** One entity. */
  @POST
  @Path("/entity")
  @Consumes(MediaType.WILDCARD)
  public Response entity(InputStream in) {
    JsonValue body;
    try {
      body = JsonBodies.parse(JsonBodies.read(in, TrackEntities.MAX_ENTITY_BYTES));
    } catch (JsonBodies.BodyException e) {
      return bodyError(e);
    }
    Optional<EntityError> error = entities.apply(actor.workspaceId(), List.of(body)).get(0);
    if (error.isPresent()) {
      return errors(
          Response.Status.BAD_REQUEST.getStatusCode(),
          Jsons.createArrayBuilder().add(json(error.get(), -1)));
    }
    return ok();
  }

  /** A batch of entities. */
  @POST
  @Path("/batch")
  @Consumes(MediaType.WILDCARD)
  public Response batch(InputStream in) {
    JsonValue body;
    try {
      body = JsonBodies.parse(JsonBodies.read(in, MAX_BATCH_BYTES));
    } catch (JsonBodies.BodyException e) {
      return bodyError(e);
    }
    JsonValue batch =
        body.getValueType() == JsonValue.ValueType.OBJECT ? body.asJsonObject().get("batch") : null;
    if (batch == null || batch.getValueType() != JsonValue.ValueType.ARRAY) {
      return errors(
          400,
          Jsons.createArrayBuilder()
              .add(
                  json(
                      new EntityError("invalid", "batch", "batch must be an array of entities"),
                      -1)));
    }
    List<Optional<EntityError>> results = entities.apply(actor.workspaceId(), batch.asJsonArray());
    JsonArrayBuilder errors = Jsons.createArrayBuilder();
    boolean any = false;
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).isPresent()) {
        errors.add(json(results.get(i).get(), i));
        any = true;
      }
    }
    return any ? errors(207, errors) : ok();
  }

  private static Response bodyError(JsonBodies.BodyException e) {
    return errors(
        e.tooLarge() ? 413 : 400,
        Jsons.createArrayBuilder()
            .add(
                json(
                    new EntityError(e.tooLarge() ? "too_large" : "invalid", "", e.getMessage()),
                    -1)));
  }

  private static JsonObjectBuilder json(EntityError error, int index) {
    JsonObjectBuilder json = Jsons.createObjectBuilder();
    if (index >= 0) {
      json.add("batch_index", index);
    }
    return json.add("reason", error.reason())
        .add("field", error.field())
        .add("message", error.message());
  }

  private static Response errors(int status, JsonArrayBuilder errors) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Jsons.createObjectBuilder().add("errors", errors).build().toString())
        .build();
  }

  private static Response ok() {
    return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build();
  }
}
