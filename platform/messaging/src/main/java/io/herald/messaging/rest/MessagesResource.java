package io.herald.messaging.rest;

import io.herald.messaging.api.MessageService;
import io.herald.shared.rest.ApiErrors;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/** Customer.io's {@code GET /v1/messages/{message_id}}: one delivery with its metrics. */
@Path("/v1/messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {

  @Inject MessageService messages;

  @Inject CurrentActor actor;

  /** {@code {"message":{…}}}, 404 for an id the workspace does not have. */
  @GET
  @Path("/{message_id}")
  public Response get(@PathParam("message_id") String id) {
    return messages
        .delivery(actor.workspaceId(), id)
        .map(
            d ->
                MessagingJson.ok(
                    io.herald.shared.json.Jsons.createObjectBuilder()
                        .add("message", MessagingJson.delivery(d))
                        .build()))
        .orElseGet(() -> ApiErrors.app(Status.NOT_FOUND, "message " + id + " not found"));
  }
}
