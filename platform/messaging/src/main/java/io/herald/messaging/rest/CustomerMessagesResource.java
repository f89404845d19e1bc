package io.herald.messaging.rest;

import io.herald.messaging.api.DeliveryView;
import io.herald.messaging.api.MessageService;
import io.herald.messaging.api.NotFoundException;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Optional;

/**
 * Customer.io's {@code GET /v1/customers/{customer_id}/messages}: the person's deliveries, newest
 * first, {@code {"messages":[…],"next":"…"}} ({@code start} is a previous page's {@code next}).
 */
@Path("/v1/customers/{customer_id}/messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CustomerMessagesResource {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 1000;

  @Inject MessageService messages;

  @Inject PeopleService people;

  @Inject CurrentActor actor;

  /** One page of the person's deliveries. */
  @GET
  public Response list(
      @PathParam("customer_id") String identifier,
      @QueryParam("id_type") String idType,
      @QueryParam("start") String start,
      @QueryParam("limit") String limitText) {
    Optional<IdType> type = IdType.fromQuery(idType);
    if (type.isEmpty()) {
      return ApiErrors.app(Status.BAD_REQUEST, "id_type must be one of id, email, cio_id");
    }
    int limit = DEFAULT_LIMIT;
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        return ApiErrors.app(Status.BAD_REQUEST, "limit must be an integer from 1 to " + MAX_LIMIT);
      }
    }
    PersonRef ref = new PersonRef(type.get(), identifier);
    if (!ref.wellFormed()) {
      return ApiErrors.app(
          Status.BAD_REQUEST, "customer_id must be 1 to " + PersonRef.MAX_BYTES + " bytes");
    }
    WorkspaceId workspace = actor.workspaceId();
    Optional<PersonView> person = people.find(workspace, ref);
    if (person.isEmpty()) {
      return ApiErrors.app(Status.NOT_FOUND, "customer " + identifier + " not found");
    }
    List<DeliveryView> page;
    try {
      page = messages.deliveriesOf(workspace, person.get().cioId(), start, limit + 1);
    } catch (NotFoundException e) {
      return ApiErrors.app(Status.BAD_REQUEST, "start is not a page token this API gave");
    }
    JsonArrayBuilder list = Jsons.createArrayBuilder();
    page.stream().limit(limit).forEach(d -> list.add(MessagingJson.delivery(d)));
    String next = page.size() > limit ? page.get(limit - 1).deliveryId() : "";
    return MessagingJson.ok(
        Jsons.createObjectBuilder().add("messages", list).add("next", next).build());
  }
}
