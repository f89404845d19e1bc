package io.herald.messaging.rest;

import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.MessageService;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.SendReceipt;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.InputStream;

/**
 * Customer.io's Transactional API ({@code POST /v1/send/email}, App API key): answers {@code
 * {"delivery_id","queued_at"}}, errors as {@code {"meta":{"error":"…"}}}.
 */
@Path("/v1/send")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SendResource {

  /** Customer.io's limit: request entities up to 2048 KB. */
  static final int MAX_BODY_BYTES = 2048 * 1024;

  @Inject MessageService messages;

  @Inject CurrentActor actor;

  /** Renders and queues one email. */
  @POST
  @Path("/email")
  @Consumes(MediaType.WILDCARD)
  public Response email(InputStream body) {
    try {
      SendReceipt receipt =
          messages.sendEmail(
              actor.workspaceId(),
              EmailSendRequest.parse(MessagingJson.object(body, MAX_BODY_BYTES)));
      return MessagingJson.ok(
          Jsons.createObjectBuilder()
              .add("delivery_id", receipt.deliveryId())
              .add("queued_at", receipt.queuedAt().getEpochSecond())
              .build());
    } catch (MessagingJson.Refused e) {
      return e.response();
    } catch (InvalidMessageException e) {
      return ApiErrors.app(Status.BAD_REQUEST, e.getMessage());
    } catch (NotFoundException e) {
      return ApiErrors.app(Status.NOT_FOUND, e.getMessage());
    }
  }
}
