package io.herald.messaging.rest;

import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.SubscriptionTopics;
import io.herald.messaging.api.TopicInput;
import io.herald.messaging.api.TopicView;
import io.herald.shared.json.Jsons;
import io.herald.shared.rest.ApiErrors;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.Optional;

/**
 * Subscription topics ({@code /v1/subscription_topics}, App API key). Listing follows Customer.io's
 * {@code {"topics":[{"id","identifier","name","description","subscribed_by_default"}]}}; creating,
 * updating and deleting are Herald's (Customer.io edits topics only in its UI).
 */
@Path("/v1/subscription_topics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionTopicsResource {

  static final int MAX_BODY_BYTES = 64 * 1024;

  @Inject SubscriptionTopics topics;

  @Inject CurrentActor actor;

  /** Every topic of the workspace, in page order. */
  @GET
  public Response list() {
    JsonArrayBuilder list = Jsons.createArrayBuilder();
    topics.list(actor.workspaceId()).forEach(t -> list.add(json(t)));
    return MessagingJson.ok(Jsons.createObjectBuilder().add("topics", list).build());
  }

  /** One topic by number. */
  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") String id) {
    return number(id)
        .flatMap(n -> topics.find(actor.workspaceId(), n))
        .map(t -> MessagingJson.ok(wrapped(t)))
        .orElseGet(() -> notFound(id));
  }

  /** Creates a topic: 201 {@code {"topic":{…}}}. */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response create(InputStream body) {
    try {
      TopicInput input = input(MessagingJson.object(body, MAX_BODY_BYTES), null);
      return MessagingJson.status(
          Status.CREATED, wrapped(topics.create(actor.workspaceId(), input)));
    } catch (MessagingJson.Refused e) {
      return e.response();
    } catch (InvalidMessageException e) {
      return ApiErrors.app(Status.BAD_REQUEST, e.getMessage());
    }
  }

  /** Changes the fields the body names; the others keep their values. */
  @PUT
  @Path("/{id}")
  @Consumes(MediaType.WILDCARD)
  public Response update(@PathParam("id") String id, InputStream body) {
    Optional<TopicView> current = number(id).flatMap(n -> topics.find(actor.workspaceId(), n));
    if (current.isEmpty()) {
      return notFound(id);
    }
    try {
      TopicInput input = input(MessagingJson.object(body, MAX_BODY_BYTES), current.get());
      return MessagingJson.ok(
          wrapped(topics.update(actor.workspaceId(), current.get().id(), input)));
    } catch (MessagingJson.Refused e) {
      return e.response();
    } catch (InvalidMessageException e) {
      return ApiErrors.app(Status.BAD_REQUEST, e.getMessage());
    } catch (NotFoundException e) {
      return ApiErrors.app(Status.NOT_FOUND, e.getMessage());
    }
  }

  /** Deletes a topic: 204. */
  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") String id) {
    Optional<Long> n = number(id);
    return n.isPresent() && topics.delete(actor.workspaceId(), n.get())
        ? Response.noContent().build()
        : notFound(id);
  }

  private static Optional<Long> number(String id) {
    if (id == null
        || id.isEmpty()
        || id.length() > 18
        || !id.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(id));
  }

  private static Response notFound(String id) {
    return ApiErrors.app(Status.NOT_FOUND, "subscription topic " + id + " not found");
  }

  /** The body's fields over {@code current} (null when creating: name required). */
  private static TopicInput input(JsonObject body, TopicView current) {
    List<String> problems = new ArrayList<>();
    Fields f = new Fields(body, problems);
    String name = f.string("name", 255);
    String description = f.string("description", 1000);
    Boolean byDefault = f.bool("subscribed_by_default");
    Long position = f.integer("position");
    if (position != null && (position < -1_000_000 || position > 1_000_000)) {
      problems.add("position must be between -1000000 and 1000000");
      position = null;
    }
    if (current == null && name == null && !body.containsKey("name")) {
      problems.add("name is required");
    }
    if (!problems.isEmpty()) {
      throw new InvalidMessageException(problems);
    }
    TopicInput base = current == null ? new TopicInput(null, "", true, 0) : current.content();
    return new TopicInput(
        body.containsKey("name") ? name : base.name(),
        description == null ? base.description() : description,
        byDefault == null ? base.subscribedByDefault() : byDefault,
        position == null ? base.position() : position.intValue());
  }

  private static JsonObject wrapped(TopicView t) {
    return Jsons.createObjectBuilder().add("topic", json(t)).build();
  }

  static JsonObject json(TopicView t) {
    return Jsons.createObjectBuilder()
        .add("id", t.id())
        .add("identifier", t.identifier())
        .add("name", t.content().name())
        .add("description", t.content().description())
        .add("subscribed_by_default", t.content().subscribedByDefault())
        .add("position", t.content().position())
        .add("created_at", MessagingJson.seconds(t.createdAt()))
        .add("updated_at", MessagingJson.seconds(t.updatedAt()))
        .build();
  }
}
