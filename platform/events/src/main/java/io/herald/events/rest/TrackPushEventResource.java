package io.herald.events.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Set;

/**
 * Track API v1 {@code POST /api/v1/push/events}: {@code {"delivery_id","event","device_id",
 * "timestamp"}} with {@code event} opened, converted or delivered.
 */
@Path("/api/v1/push/events")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TrackPushEventResource {

  private static final Set<String> PUSH_EVENTS = Set.of("opened", "converted", "delivered");

  @Inject TrackMetricResource metrics;

  /** Records the push metric; {@code 200 {}}. */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response push(InputStream in) {
    return metrics.record(in, "event", PUSH_EVENTS, "push");
  }
}
