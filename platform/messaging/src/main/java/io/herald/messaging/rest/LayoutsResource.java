package io.herald.messaging.rest;

import io.herald.messaging.api.ContentInUseException;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.LayoutInput;
import io.herald.messaging.api.Layouts;
import io.herald.messaging.api.NotFoundException;
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
 * Email layouts ({@code /v1/layouts}, App API key, Herald's own API: Customer.io edits layouts only
 * in its UI). {@code {"layouts":[…]}}, {@code {"layout":{"id","name","html","created_at",
 * "updated_at"}}}; deleting a layout a transactional message uses is a 409 naming the messages.
 */
@Path("/v1/layouts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LayoutsResource {

  static final int MAX_BODY_BYTES = 2048 * 1024;

  @Inject Layouts layouts;

  @Inject CurrentActor actor;

  /** Every layout of the workspace, by id. */
  @GET
  public Response list() {
    JsonArrayBuilder list = Jsons.createArrayBuilder();
    layouts.list(actor.workspaceId()).forEach(l -> list.add(MessagingJson.layout(l)));
    return MessagingJson.ok(Jsons.createObjectBuilder().add("layouts", list).build());
  }

  /** One layout. */
  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") String id) {
    return id(id)
        .flatMap(n -> layouts.find(actor.workspaceId(), n))
        .map(l -> MessagingJson.ok(wrap(l)))
        .orElseGet(() -> notFound(id));
  }

  /** Creates a layout: 201 {@code {"layout":{…}}}. */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response create(InputStream body) {
    try {
      LayoutInput input = input(MessagingJson.object(body, MAX_BODY_BYTES));
      return MessagingJson.status(Status.CREATED, wrap(layouts.create(actor.workspaceId(), input)));
    } catch (MessagingJson.Refused e) {
      return e.response();
    } catch (InvalidMessageException e) {
      return ApiErrors.app(Status.BAD_REQUEST, e.getMessage());
    }
  }

  /** Replaces a layout's name and HTML; the next send and preview use it. */
  @PUT
  @Path("/{id}")
  @Consumes(MediaType.WILDCARD)
  public Response update(@PathParam("id") String id, InputStream body) {
    Optional<Long> numeric = id(id);
    if (numeric.isEmpty()) {
      return notFound(id);
    }
    try {
      LayoutInput input = input(MessagingJson.object(body, MAX_BODY_BYTES));
      return MessagingJson.ok(wrap(layouts.update(actor.workspaceId(), numeric.get(), input)));
    } catch (MessagingJson.Refused e) {
      return e.response();
    } catch (InvalidMessageException e) {
      return ApiErrors.app(Status.BAD_REQUEST, e.getMessage());
    } catch (NotFoundException e) {
      return ApiErrors.app(Status.NOT_FOUND, e.getMessage());
    }
  }

  /** 204; 404 for an unknown id; 409 naming the transactional messages that use it. */
  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") String id) {
    Optional<Long> numeric = id(id);
    if (numeric.isEmpty()) {
      return notFound(id);
    }
    try {
      layouts.delete(actor.workspaceId(), numeric.get());
      return Response.noContent().build();
    } catch (NotFoundException e) {
      return ApiErrors.app(Status.NOT_FOUND, e.getMessage());
    } catch (ContentInUseException e) {
      return ApiErrors.app(Status.CONFLICT, e.getMessage());
    }
  }

  private static JsonObject wrap(io.herald.messaging.api.LayoutView layout) {
    return Jsons.createObjectBuilder().add("layout", MessagingJson.layout(layout)).build();
  }

  private static Response notFound(String id) {
    return ApiErrors.app(Status.NOT_FOUND, "layout " + id + " not found");
  }

  private static Optional<Long> id(String id) {
    try {
      return Optional.of(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static LayoutInput input(JsonObject body) {
    List<String> problems = new ArrayList<>();
    Fields f = new Fields(body, problems);
    LayoutInput input = new LayoutInput(f.string("name", 255), f.string("html", 1_000_000));
    if (!problems.isEmpty()) {
      throw new InvalidMessageException(problems);
    }
    return input;
  }
}
