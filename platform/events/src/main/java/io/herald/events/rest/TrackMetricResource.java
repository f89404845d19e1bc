package io.herald.events.rest;

import io.herald.events.api.DeliveryMetric;
import io.herald.events.api.DeliveryMetrics;
import io.herald.workspace.api.CurrentActor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Track API v1 delivery metrics reported by clients: {@code POST /api/v1/metrics} (any channel) and
 * {@code POST /api/v1/push/events} (push opened/converted/delivered). Stored for messaging (#5),
 * which joins them to its deliveries.
 */
@Path("/api/v1/metrics")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TrackMetricResource {

  static final int MAX_BODY_BYTES = 16 * 1024;

  @Inject DeliveryMetrics metrics;

  @Inject CurrentActor actor;

  @Inject Clock clock;

  /** {@code {"delivery_id","metric","timestamp","recipient","reason","href"}}. */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response metric(InputStream in) {
    return record(in, "metric", DeliveryMetric.METRICS, "track_v1");
  }

  Response record(InputStream in, String metricField, Set<String> allowed, String source) {
    TrackRequests.Body body = TrackRequests.object(in, MAX_BODY_BYTES);
    if (body.error() != null) {
      return body.error();
    }
    JsonObject json = body.json();
    List<String> problems = new ArrayList<>();
    String deliveryId = TrackEventBody.string(json, "delivery_id", problems);
    String metric = TrackEventBody.string(json, metricField, problems);
    String recipient = TrackEventBody.string(json, "recipient", problems);
    String reason = TrackEventBody.string(json, "reason", problems);
    String href = TrackEventBody.string(json, "href", problems);
    String device = TrackEventBody.string(json, "device_id", problems);
    Instant at = timestamp(json.get("timestamp"), problems);
    if (deliveryId == null && problems.stream().noneMatch(p -> p.startsWith("delivery_id"))) {
      problems.add("delivery_id: required");
    } else if (deliveryId != null
        && (deliveryId.isBlank() || deliveryId.getBytes(StandardCharsets.UTF_8).length > 150)) {
      problems.add("delivery_id: must be 1 to 150 bytes");
    }
    if (metric == null && problems.stream().noneMatch(p -> p.startsWith(metricField))) {
      problems.add(metricField + ": required");
    } else if (metric != null && !allowed.contains(metric)) {
      problems.add(
          metricField
              + ": must be one of "
              + String.join(", ", allowed.stream().sorted().toList()));
    }
    if (!problems.isEmpty()) {
      return TrackRequests.badRequest(problems);
    }
    metrics.record(
        actor.workspaceId(),
        new DeliveryMetric(deliveryId, metric, at, recipient, reason, href, device, source));
    return TrackRequests.ok();
  }

  private Instant timestamp(JsonValue value, List<String> problems) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return clock.instant();
    }
    if (!(value instanceof JsonNumber n)
        || !n.isIntegral()
        || n.longValue() < 0
        || n.longValue() > TrackEventBody.MAX_UNIX_SECONDS) {
      problems.add("timestamp: must be a whole number of Unix seconds");
      return clock.instant();
    }
    return Instant.ofEpochSecond(n.longValue());
  }
}
