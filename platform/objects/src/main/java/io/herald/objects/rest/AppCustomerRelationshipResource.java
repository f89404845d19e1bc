package io.herald.objects.rest;

import io.herald.objects.api.InvalidObjectDataException;
import io.herald.objects.api.ObjectService;
import io.herald.objects.api.Page;
import io.herald.objects.api.PageRequest;
import io.herald.objects.api.RelationshipView;
import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.shared.json.Jsons;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;

/**
 * Customer.io {@code GET /v1/customers/{identifier}/relationships}: the objects a person is related
 * to. (Its path is more specific than the people module's {@code /v1/customers} resource, so JAX-RS
 * routes it here.)
 */
@Path("/v1/customers/{identifier}/relationships")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AppCustomerRelationshipResource {

  @Inject ObjectService objects;

  @Inject PeopleService people;

  @Inject CurrentActor actor;

  /**
   * {@code {"cio_relationships":[{"identifiers":{"object_type_id","object_id","cio_object_id"},
   * "relationship_attributes":{…}}],"next":"…"}}; 404 for unknown people.
   */
  @GET
  public Response relationships(
      @PathParam("identifier") String identifier,
      @QueryParam("id_type") String idType,
      @QueryParam("start") String start,
      @QueryParam("limit") String limit) {
    Optional<IdType> type = IdType.fromQuery(idType);
    if (type.isEmpty()) {
      return ObjectJson.invalid(
          InvalidObjectDataException.of("id_type", "must be one of id, email, cio_id"));
    }
    PersonRef ref = new PersonRef(type.get(), identifier);
    if (!ref.wellFormed()) {
      return ObjectJson.invalid(
          InvalidObjectDataException.of(
              "identifier", "must be 1 to " + PersonRef.MAX_BYTES + " bytes"));
    }
    return AppObjectResource.answer(
        () -> {
          PageRequest page = PageRequest.parse(start, limit);
          var person = people.find(actor.workspaceId(), ref);
          if (person.isEmpty()) {
            return ObjectJson.notFound(
                "no customer with "
                    + ref.type().name().toLowerCase(Locale.ROOT)
                    + " "
                    + ref.value());
          }
          Page<RelationshipView> found =
              objects.relationshipsOfPerson(actor.workspaceId(), person.get().cioId(), page);
          JsonArrayBuilder items = Jsons.createArrayBuilder();
          found
              .items()
              .forEach(
                  r ->
                      items.add(
                          Jsons.createObjectBuilder()
                              .add("identifiers", ObjectJson.identifiers(r.object()))
                              .add("relationship_attributes", r.attributes())));
          return ObjectJson.ok(
              Jsons.createObjectBuilder()
                  .add("cio_relationships", items)
                  .add("next", found.next()));
        });
  }
}
