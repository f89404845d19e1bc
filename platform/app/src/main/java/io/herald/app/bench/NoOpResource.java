package io.herald.app.bench;

import io.herald.shared.rest.JsonBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /bench/noop}: reads and parses a JSON body like an API call, stores nothing, answers
 * {@code {}}. The baseline that {@code bench/ingest} measures the Track API against on the same
 * server (PERFORMANCE-NOTES T2). Answers 404 unless {@code herald.bench.noop-endpoint=true}, so a
 * production node exposes nothing extra.
 */
@Path("/bench/noop")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class NoOpResource {

  @Inject
  @ConfigProperty(name = "herald.bench.noop-endpoint", defaultValue = "false")
  boolean enabled;

  /** Parses the body and answers {@code {}} (or 404 when disabled). */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response noop(InputStream body) {
    if (!enabled) {
      return Response.status(Response.Status.NOT_FOUND).build();
    }
    try {
      JsonBodies.parse(JsonBodies.read(body, 128 * 1024));
    } catch (JsonBodies.BodyException e) {
      return Response.status(Response.Status.BAD_REQUEST).build();
    }
    return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build();
  }
}
