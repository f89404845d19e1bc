package io.herald.journeys.rest;

import io.herald.journeys.api.JourneyService;
import io.herald.people.api.IdType;
import io.herald.people.api.PeopleService;
import io.herald.people.api.PersonRef;
import io.herald.people.api.PersonView;
import io.herald.shared.json.Jsons;
import io.herald.workspace.api.CurrentActor;
import io.herald.workspace.api.WorkspaceId;
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
 * App API (Herald) {@code GET /v1/customers/{identifier}/journeys?id_type=id|email|cio_id}: the
 * person's runs of every journey, newest first (at most 100), each with its step log.
 */
@Path("/v1/customers/{identifier}/journeys")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AppCustomerJourneysResource {

  static final int MAX_RUNS = 100;

  @Inject JourneyService journeys;

  @Inject PeopleService people;

  @Inject CurrentActor actor;

  @GET
  public Response journeys(
      @PathParam("identifier") String identifier, @QueryParam("id_type") String idType) {
    Optional<IdType> type = IdType.fromQuery(idType);
    if (type.isEmpty()) {
      return CampaignJson.error(
          Response.Status.BAD_REQUEST, "id_type must be one of id, email, cio_id");
    }
    PersonRef ref = new PersonRef(type.get(), identifier);
    if (!ref.wellFormed()) {
      return CampaignJson.error(
          Response.Status.BAD_REQUEST, "identifier must be 1 to " + PersonRef.MAX_BYTES + " bytes");
    }
    WorkspaceId workspace = actor.workspaceId();
    Optional<PersonView> person = people.find(workspace, ref);
    if (person.isEmpty()) {
      return CampaignJson.error(
          Response.Status.NOT_FOUND,
          "no customer with " + ref.type().name().toLowerCase(Locale.ROOT) + " " + ref.value());
    }
    JsonArrayBuilder list = Jsons.createArrayBuilder();
    journeys
        .runsOf(workspace, person.get().cioId(), MAX_RUNS)
        .forEach(r -> list.add(CampaignJson.run(r, true)));
    return CampaignJson.ok(Jsons.createObjectBuilder().add("journeys", list).build());
  }
}
