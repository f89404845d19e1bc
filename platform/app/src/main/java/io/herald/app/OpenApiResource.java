package io.herald.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the hand-written OpenAPI document of the public APIs at {@code /openapi}. Payara's own
 * MicroProfile OpenAPI endpoint lives in the default web module, which Herald replaces by deploying
 * at {@code /} (see {@code HealthResource}).
 */
@Path("/openapi")
@ApplicationScoped
public class OpenApiResource {

  private static final String DOCUMENT = "/META-INF/openapi.yaml";

  @GET
  @Produces({"application/yaml", "text/plain"})
  public Response document() {
    try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
      if (in == null) {
        throw new IllegalStateException(DOCUMENT + " is missing from the WAR");
      }
      return Response.ok(in.readAllBytes()).type("application/yaml").build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
