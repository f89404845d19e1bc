package io.herald.app.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Serves the MicroProfile Health checks at {@code /health}, {@code /health/ready} and {@code
 * /health/live} in the MicroProfile Health wire format (200 when UP, 503 when DOWN).
 *
 * <p>Why Herald serves them itself: Payara Micro hosts its own health endpoint in the default web
 * module, which an application deployed at context root {@code /} replaces. Herald must live at
 * {@code /} for the Customer.io and Segment clients (they append {@code /api/v1}, {@code /v1} to
 * the host), so the checks are aggregated here. A check that throws counts as DOWN.
 */
@Path("/health")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

  @Inject @Readiness Instance<HealthCheck> readiness;

  @Inject @Liveness Instance<HealthCheck> liveness;

  @GET
  public Response health() {
    List<HealthCheck> checks = new ArrayList<>();
    readiness.forEach(checks::add);
    liveness.forEach(checks::add);
    return report(checks);
  }

  @GET
  @Path("/ready")
  public Response ready() {
    return report(readiness.stream().toList());
  }

  @GET
  @Path("/live")
  public Response live() {
    return report(liveness.stream().toList());
  }

  static Response report(List<HealthCheck> checks) {
    boolean up = !checks.isEmpty();
    JsonArrayBuilder results = Json.createArrayBuilder();
    for (HealthCheck check : checks) {
      HealthCheckResponse response = call(check);
      up &= response.getStatus() == HealthCheckResponse.Status.UP;
      JsonObjectBuilder result =
          Json.createObjectBuilder()
              .add("name", response.getName())
              .add("status", response.getStatus().name());
      Optional<java.util.Map<String, Object>> data = response.getData();
      if (data.isPresent() && !data.get().isEmpty()) {
        JsonObjectBuilder values = Json.createObjectBuilder();
        data.get().forEach((k, v) -> values.add(k, String.valueOf(v)));
        result.add("data", values);
      }
      results.add(result);
    }
    String body =
        Json.createObjectBuilder()
            .add("status", up ? "UP" : "DOWN")
            .add("checks", results)
            .build()
            .toString();
    return Response.status(up ? 200 : 503)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .build();
  }

  private static HealthCheckResponse call(HealthCheck check) {
    try {
      return check.call();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named(check.getClass().getSimpleName())
          .down()
          .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage())
          .build();
    }
  }
}
