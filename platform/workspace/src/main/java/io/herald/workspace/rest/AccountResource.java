package io.herald.workspace.rest;

import io.herald.shared.json.Jsons;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Customer.io's {@code GET /api/v1/accounts/region}, which clients call to find the host serving a
 * workspace. A Herald installation is one region: it answers with its own base URL, region {@code
 * us} (what Customer.io's clients default to) and the workspace id as {@code environment_id}.
 */
@Path("/api/v1/accounts/region")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

  @Inject CurrentActor actor;

  @Context UriInfo uri;

  @GET
  public Response region() {
    String base = uri.getBaseUri().toString();
    String url = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    String body =
        Jsons.createObjectBuilder()
            .add("url", url)
            .add("region", "us")
            .add("environment_id", actor.workspaceId().value())
            .build()
            .toString();
    return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
