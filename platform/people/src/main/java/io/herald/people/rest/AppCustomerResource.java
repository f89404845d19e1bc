package io.herald.people.rest;

import io.herald.people.api.DeviceView;
import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import io.herald.workspace.api.CurrentActor;
import io.herald.workspace.api.WorkspaceId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/** App API people reads ({@code /v1/customers}). */
@Path("/v1/customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AppCustomerResource {

  @Inject PeopleService people;

  @Inject CurrentActor actor;

  /**
   * Finds people by email, case-insensitively (Customer.io {@code GET /v1/customers?email=}):
   * {@code {"results":[{"email","id","cio_id"}]}}, empty when nobody matches.
   */
  @GET
  public Response byEmail(@QueryParam("email") String email) {
    if (email == null || email.isBlank()) {
      return ApiErrors.app(Response.Status.BAD_REQUEST, "email is required");
    }
    PersonRef ref = new PersonRef(IdType.EMAIL, email.trim());
    if (!ref.wellFormed()) {
      return ApiErrors.app(
          Response.Status.BAD_REQUEST, "email must be 1 to " + PersonRef.MAX_BYTES + " bytes");
    }
    var results = Jsons.createArrayBuilder();
    people
        .find(actor.workspaceId(), ref)
        .ifPresent(
            p -> {
              JsonObjectBuilder match = Jsons.createObjectBuilder().add("cio_id", p.cioId());
              match.add("email", p.email());
              if (p.id() != null) {
                match.add("id", p.id());
              } else {
                match.addNull("id");
              }
              results.add(match);
            });
    String body = Jsons.createObjectBuilder().add("results", results).build().toString();
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }

  /**
   * A person's attributes in Customer.io's shape: {@code {"customer":{"id","identifiers",
   * "attributes","timestamps","unsubscribed","devices"}}}.
   */
  @GET
  @Path("/{identifier}/attributes")
  public Response attributes(
      @PathParam("identifier") String identifier, @QueryParam("id_type") String idType) {
    Optional<IdType> type = IdType.fromQuery(idType);
    if (type.isEmpty()) {
      return ApiErrors.app(Response.Status.BAD_REQUEST, "id_type must be one of id, email, cio_id");
    }
    PersonRef ref = new PersonRef(type.get(), identifier);
    if (!ref.wellFormed()) {
      return ApiErrors.app(
          Response.Status.BAD_REQUEST, "identifier must be 1 to " + PersonRef.MAX_BYTES + " bytes");
    }
    WorkspaceId workspace = actor.workspaceId();
    return people
        .find(workspace, ref)
        .map(
            p -> {
              List<DeviceView> devices =
                  people.devices(workspace, new PersonRef(IdType.CIO_ID, p.cioId()));
              return Response.ok(body(p, devices).toString(), MediaType.APPLICATION_JSON_TYPE)
                  .build();
            })
        .orElseGet(
            () -> ApiErrors.app(Response.Status.NOT_FOUND, "no customer with " + describe(ref)));
  }

  static JsonObject body(PersonView person, List<DeviceView> devices) {
    JsonObjectBuilder identifiers = Jsons.createObjectBuilder().add("cio_id", person.cioId());
    if (person.email() != null) {
      identifiers.add("email", person.email());
    }
    JsonObjectBuilder customer = Jsons.createObjectBuilder();
    if (person.id() != null) {
      identifiers.add("id", person.id());
      customer.add("id", person.id());
    } else {
      customer.addNull("id");
    }
    JsonObjectBuilder timestamps = Jsons.createObjectBuilder();
    person.timestamps().forEach(timestamps::add);
    customer
        .add("identifiers", identifiers)
        .add("attributes", person.attributes())
        .add("timestamps", timestamps)
        .add("unsubscribed", person.unsubscribed())
        .add("devices", devices(devices));
    return Jsons.createObjectBuilder().add("customer", customer).build();
  }

  /** Customer.io's device shape: {@code {"id","platform","last_used","attributes"}}. */
  private static JsonArrayBuilder devices(List<DeviceView> devices) {
    JsonArrayBuilder array = Jsons.createArrayBuilder();
    for (DeviceView device : devices) {
      array.add(
          Jsons.createObjectBuilder()
              .add("id", device.token())
              .add("platform", device.platform().wireName())
              .add("last_used", device.lastUsed())
              .add("attributes", device.attributes()));
    }
    return array;
  }

  private static String describe(PersonRef ref) {
    return ref.type().name().toLowerCase(java.util.Locale.ROOT) + " " + ref.value();
  }
}
