package io.herald.ingest.rest;

import io.herald.objects.api.CioRelationships;
import io.herald.objects.api.InvalidObjectDataException;
import io.herald.objects.api.ObjectService;
import io.herald.objects.api.RelationshipSpec;
import io.herald.people.api.IdentifyResult;
import io.herald.people.api.InvalidPersonDataException;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import io.herald.shared.rest.JsonBodies;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;

/**
 * Track API v1 people calls ({@code /api/v1/customers}). Here rather than in the people module
 * because identify's {@code cio_relationships} reach the objects module.
 */
@Path("/api/v1/customers")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TrackCustomerResource {

  /** Largest identify body: 300 attributes of 1000 bytes with their names fit well below it. */
  static final int MAX_BODY_BYTES = 512 * 1024;

  private static final String RELATIONSHIPS = "cio_relationships";

  @Inject PeopleService people;

  @Inject ObjectService objects;

  @Inject CurrentActor actor;

  /** Creates or updates a person (Customer.io {@code identify}). Answers {@code 200 {}}. */
  @PUT
  @Path("/{identifier}")
  @Consumes(MediaType.WILDCARD)
  public Response identify(@PathParam("identifier") String identifier, InputStream body) {
    PersonRef ref = PersonRef.fromTrackPath(identifier);
    if (!ref.wellFormed()) {
      return badRequest("identifier must be 1 to " + PersonRef.MAX_BYTES + " bytes");
    }
    JsonObject attributes;
    try {
      JsonValue value = JsonBodies.parse(JsonBodies.read(body, MAX_BODY_BYTES));
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        return badRequest("request body must be a JSON object of attributes");
      }
      attributes = value.asJsonObject();
    } catch (JsonBodies.BodyException e) {
      return e.tooLarge()
          ? ApiErrors.trackV1(Response.Status.REQUEST_ENTITY_TOO_LARGE, List.of(e.getMessage()))
          : badRequest(e.getMessage());
    }
    CioRelationships.TrackV1 relationships = null;
    if (attributes.containsKey(RELATIONSHIPS)) {
      try {
        relationships = CioRelationships.trackV1(attributes.get(RELATIONSHIPS), RELATIONSHIPS);
      } catch (InvalidObjectDataException e) {
        return ApiErrors.trackV1(
            Response.Status.BAD_REQUEST, e.problems().stream().map(p -> p.message()).toList());
      }
      attributes = Jsons.createObjectBuilder(attributes).remove(RELATIONSHIPS).build();
    }
    IdentifyResult result;
    try {
      result = people.identify(actor.workspaceId(), ref, attributes);
    } catch (InvalidPersonDataException e) {
      return ApiErrors.trackV1(Response.Status.BAD_REQUEST, e.problems());
    }
    if (relationships != null && result.cioId() != null && applied(result)) {
      try {
        relate(result.cioId(), relationships);
      } catch (InvalidObjectDataException e) {
        return ApiErrors.trackV1(
            Response.Status.BAD_REQUEST, e.problems().stream().map(p -> p.message()).toList());
      }
    }
    return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build();
  }

  private void relate(String cioId, CioRelationships.TrackV1 relationships) {
    if (relationships.action() == CioRelationships.Action.ADD) {
      objects.relatePerson(actor.workspaceId(), cioId, relationships.relationships());
    } else {
      objects.unrelatePerson(
          actor.workspaceId(),
          cioId,
          relationships.relationships().stream().map(RelationshipSpec::object).toList());
    }
  }

  private static boolean applied(IdentifyResult result) {
    return result.outcome() == IdentifyResult.Outcome.CREATED
        || result.outcome() == IdentifyResult.Outcome.UPDATED;
  }

  /** Deletes a person (Customer.io {@code destroy}); 200 whether or not they existed. */
  @DELETE
  @Path("/{identifier}")
  public Response delete(@PathParam("identifier") String identifier) {
    return withPerson(identifier, ref -> people.delete(actor.workspaceId(), ref));
  }

  /**
   * Deletes a person and blocks re-creation by their identifiers (Customer.io {@code suppress}).
   */
  @POST
  @Path("/{identifier}/suppress")
  @Consumes(MediaType.WILDCARD)
  public Response suppress(@PathParam("identifier") String identifier) {
    return withPerson(identifier, ref -> people.suppress(actor.workspaceId(), ref));
  }

  /** Lets an identifier be used again (Customer.io {@code unsuppress}). */
  @POST
  @Path("/{identifier}/unsuppress")
  @Consumes(MediaType.WILDCARD)
  public Response unsuppress(@PathParam("identifier") String identifier) {
    return withPerson(identifier, ref -> people.unsuppress(actor.workspaceId(), ref));
  }

  private static Response withPerson(
      String identifier, java.util.function.Consumer<PersonRef> action) {
    PersonRef ref = PersonRef.fromTrackPath(identifier);
    if (!ref.wellFormed()) {
      return badRequest("identifier must be 1 to " + PersonRef.MAX_BYTES + " bytes");
    }
    action.accept(ref);
    return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static Response badRequest(String message) {
    return ApiErrors.trackV1(Response.Status.BAD_REQUEST, List.of(message));
  }
}
