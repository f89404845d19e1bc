package io.herald.messaging.rest;

import io.herald.messaging.api.ContentInUseException;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.messaging.api.NotFoundException;
import io.herald.messaging.api.Snippets;
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
 * Snippets ({@code /v1/snippets}, App API key), in Customer.io's shapes: {@code
 * {"snippets":[{"name","value","updated_at"}]}}, {@code PUT} creates or updates by name and answers
 * {@code {"snippet":{…}}}, {@code DELETE /v1/snippets/{name}} answers 204, 404 for an unknown name
 * and 400 for a snippet in use (as Customer.io does).
 */
@Path("/v1/snippets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SnippetsResource {

  /** Snippet values are at most 16,000 characters; a body beyond this is refused unread. */
  static final int MAX_BODY_BYTES = 256 * 1024;

  @Inject Snippets snippets;

  @Inject CurrentActor actor;

  /** Every snippet of the workspace, by name. */
  @GET
  public Response list() {
    JsonArrayBuilder list = Jsons.createArrayBuilder();
    snippets.list(actor.workspaceId()).forEach(s -> list.add(MessagingJson.snippet(s)));
    return MessagingJson.ok(Jsons.createObjectBuilder().add("snippets", list).build());
  }

  /** Creates or updates the snippet the body names. */
  @PUT
  @Consumes(MediaType.WILDCARD)
  public Response put(InputStream body) {
    try {
      JsonObject json = MessagingJson.object(body, MAX_BODY_BYTES);
      List<String> problems = new ArrayList<>();
      Fields f = new Fields(json, problems);
      String name = f.string("name", 10_000);
      String value = f.string("value", 1_000_000);
      if (name == null && problems.stream().noneMatch(p -> p.startsWith("name "))) {
        problems.add("name is required");
      }
      if (value == null && problems.stream().noneMatch(p -> p.startsWith("value "))) {
        problems.add("value is required");
      }
      if (!problems.isEmpty()) {
        throw new InvalidMessageException(problems);
      }
      return MessagingJson.ok(
          Jsons.createObjectBuilder()
              .add("snippet", MessagingJson.snippet(snippets.put(actor.workspaceId(), name, value)))
              .build());
    } catch (MessagingJson.Refused e) {
      return e.response();
    } catch (InvalidMessageException e) {
      return ApiErrors.app(Status.BAD_REQUEST, e.getMessage());
    }
  }

  /** 204; 404 for an unknown name; 400 naming the messages and layouts that use it. */
  @DELETE
  @Path("/{name}")
  public Response delete(@PathParam("name") String name) {
    try {
      snippets.delete(actor.workspaceId(), name);
      return Response.noContent().build();
    } catch (NotFoundException e) {
      return ApiErrors.app(Status.NOT_FOUND, e.getMessage());
    } catch (ContentInUseException e) {
      return ApiErrors.app(Status.BAD_REQUEST, e.getMessage());
    }
  }
}
