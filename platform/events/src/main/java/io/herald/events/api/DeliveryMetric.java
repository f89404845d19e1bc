package io.herald.events.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A delivery metric a client reported (Customer.io {@code /api/v1/metrics}, {@code
 * /api/v1/push/events}, Track v2 {@code delivery} events).
 *
 * @param deliveryId the delivery it is about ({@code CIO-Delivery-ID})
 * @param metric one of {@link #METRICS}
 * @param occurredAt when it happened
 * @param recipient the recipient, when given
 * @param reason why (bounces, drops), when given
 * @param href the clicked link, when given
 * @param deviceId the push device token, when given
 * @param source which API reported it
 */
public record DeliveryMetric(
    String deliveryId,
    String metric,
    Instant occurredAt,
    String recipient,
    String reason,
    String href,
    String deviceId,
    String source) {

  /** The metrics Customer.io accepts across channels. */
  public static final Set<String> METRICS =
      Set.of(
          "opened",
          "clicked",
          "converted",
          "delivered",
          "bounced",
          "deferred",
          "dropped",
          "spammed",
          "unsubscribed");

  /** Requires the delivery, a known metric, the time and the source. */
  public DeliveryMetric {
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(source, "source");
    if (!METRICS.contains(Objects.requireNonNull(metric, "metric").toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("unknown metric " + metric);
    }
    metric = metric.toLowerCase(Locale.ROOT);
  }
}
