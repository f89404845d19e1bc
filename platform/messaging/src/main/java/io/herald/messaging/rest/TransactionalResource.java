package io.herald.messaging.rest;

import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.TransactionalInput;
import io.herald.messaging.api.Transactionals;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Transactional messages ({@code /v1/transactional}, App API key). Listing and reading follow
 * Customer.io's {@code {"messages":[…]}} / {@code {"message":{…}}} shapes; creating and updating
 * are Herald's (Customer.io edits templates only in its UI), with the template inline.
 */
@Path("/v1/transactional")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TransactionalResource {

  static final int MAX_BODY_BYTES = 2048 * 1024;

  @Inject Transactionals transactionals;

  @Inject CurrentActor actor;

  /** Every transactional message of the workspace. */
  @GET
  public Response list() {
    JsonArrayBuilder list = Jsons.createArrayBuilder();
    transactionals.list(actor.workspaceId()).forEach(t -> list.add(MessagingJson.transactional(t)));
    return MessagingJson.ok(Jsons.createObjectBuilder().add("messages", list).build());
  }

  /** One message by id or trigger name. */
  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") String id) {
    return transactionals
        .find(actor.workspaceId(), id)
        .map(
            t ->
                MessagingJson.ok(
                    Jsons.createObjectBuilder()
                        .add("message", MessagingJson.transactional(t))
                        .build()))
        .orElseGet(
            () -> ApiErrors.app(Status.NOT_FOUND, "transactional message " + id + " not found"));
  }

  /** Creates a message: 201 {@code {"message":{…}}}. */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response create(InputStream body) {
    try {
      TransactionalInput input = input(MessagingJson.object(body, MAX_BODY_BYTES));
      return MessagingJson.status(
          Status.CREATED,
          Jsons.createObjectBuilder()
              .add(
                  "message",
                  MessagingJson.transactional(transactionals.create(actor.workspaceId(), input)))
              .build());
    } catch (MessagingJson.Refused e) {
      return e.response();
    } catch (InvalidMessageException e) {
      return ApiErrors.app(Status.BAD_REQUEST, e.getMessage());
    }
  }

  /** Replaces a message's template and options. */
  @PUT
  @Path("/{id}")
  @Consumes(MediaType.WILDCARD)
  public Response update(@PathParam("id") String id, InputStream body) {
    long numeric;
    try {
      numeric = Long.parseLong(id);
    } catch (NumberFormatException e) {
      return ApiErrors.app(Status.NOT_FOUND, "transactional message " + id + " not found");
    }
    try {
      TransactionalInput input = input(MessagingJson.object(body, MAX_BODY_BYTES));
      return MessagingJson.ok(
          Jsons.createObjectBuilder()
              .add(
                  "message",
                  MessagingJson.transactional(
                      transactionals.update(actor.workspaceId(), numeric, input)))
              .build());
    } catch (MessagingJson.Refused e) {
      return e.response();
    } catch (InvalidMessageException e) {
      return ApiErrors.app(Status.BAD_REQUEST, e.getMessage());
    } catch (NotFoundException e) {
      return ApiErrors.app(Status.NOT_FOUND, e.getMessage());
    }
  }

  private static TransactionalInput input(JsonObject body) {
    List<String> problems = new ArrayList<>();
    Fields f = new Fields(body, problems);
    String channel = f.string("channel", 16);
    channel = channel == null ? "email" : channel;
    java.util.Map<String, Object> content = java.util.Map.of();
    if (!channel.equals("email")) {
      if (!io.herald.messaging.api.ChannelFields.CHANNELS.contains(channel)) {
        problems.add(
            "channel must be email, "
                + String.join(", ", io.herald.messaging.api.ChannelFields.CHANNELS));
      } else {
        content = ChannelSendRequest.content(channel, body, f, problems);
      }
    }
    boolean email = channel.equals("email");
    TransactionalInput input =
        new TransactionalInput(
            f.string("name", 255),
            f.string("trigger_name", 255),
            f.string("description", 1000),
            email ? f.string("subject", 10_000) : null,
            email ? f.string("from", 998) : null,
            email ? f.string("reply_to", 998) : null,
            email ? f.string("preheader", 10_000) : null,
            email ? f.string("body", 1_000_000) : null,
            email ? f.string("body_plain", 1_000_000) : null,
            f.stringOrInteger("topic_id", 64),
            !Boolean.FALSE.equals(f.bool("send_to_unsubscribed")),
            f.integer("layout_id"),
            channel,
            content);
    if (!problems.isEmpty()) {
      throw new InvalidMessageException(problems);
    }
    return input;
  }
}
