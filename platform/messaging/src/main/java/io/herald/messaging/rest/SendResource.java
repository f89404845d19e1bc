package io.herald.messaging.rest;

import io.herald.messaging.api.BulkSendResult;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.MessageService;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.SendReceipt;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.InputStream;
import java.util.List;

/**
 * Customer.io's Transactional API ({@code POST /v1/send/email}, {@code /sms}, {@code /push}, {@code
 * /whatsapp}, {@code /in_app}, App API key): answers {@code {"delivery_id","queued_at"}}, errors as
 * {@code {"meta":{"error":"…"}}}.
 *
 * <p>One instance for the application (it holds only injected services; the caller comes from the
 * request-scoped {@link CurrentActor} proxy): a request-scoped resource was created and injected on
 * every call, which on Payara also walks the class for resource annotations, a few percent of a
 * transactional send's CPU in {@code bench/send}.
 */
@Path("/v1/send")
@ApplicationScoped
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

  /** Renders and queues one SMS (Customer.io's body; {@code to} E.164 or the person's phone). */
  @POST
  @Path("/sms")
  @Consumes(MediaType.WILDCARD)
  public Response sms(InputStream body) {
    return channel("sms", body);
  }

  /** Renders and queues a push to the person's devices ({@code to}: all, last_used or a token). */
  @POST
  @Path("/push")
  @Consumes(MediaType.WILDCARD)
  public Response push(InputStream body) {
    return channel("push", body);
  }

  /** Renders and queues one WhatsApp message (text or template). */
  @POST
  @Path("/whatsapp")
  @Consumes(MediaType.WILDCARD)
  public Response whatsapp(InputStream body) {
    return channel("whatsapp", body);
  }

  /** Renders and queues one in-app message for the person. */
  @POST
  @Path("/in_app")
  @Consumes(MediaType.WILDCARD)
  public Response inApp(InputStream body) {
    return channel("in_app", body);
  }

  private Response channel(String channel, InputStream body) {
    try {
      SendReceipt receipt =
          messages.send(
              actor.workspaceId(),
              ChannelSendRequest.parse(channel, MessagingJson.object(body, MAX_BODY_BYTES)));
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

  /**
   * Herald's own bulk input: {@code {"messages":[…]}}, each entry the body of {@code
   * /v1/send/email}, queued on the bulk lane; answers {@code {"results":[…]}} in entry order, each
   * {@code {"delivery_id","queued_at"}} or {@code {"error"}}.
   */
  @POST
  @Path("/email/batch")
  @Consumes(MediaType.WILDCARD)
  public Response emailBatch(InputStream body) {
    BatchEntries batch;
    try {
      batch = BatchEntries.read(body);
    } catch (MessagingJson.Refused e) {
      return e.response();
    }
    List<BulkSendResult> queued =
        batch.sends().isEmpty()
            ? List.of()
            : messages.enqueueBulk(actor.workspaceId(), batch.sends());
    return MessagingJson.ok(
        Jsons.createObjectBuilder().add("results", batch.results(queued)).build());
  }
}
