package io.herald.messaging.internal;

import java.time.Instant;

/** New deliveries for tests of the enqueue side. */
final class TestDeliveries {

  private TestDeliveries() {}

  /** A transactional email to a@x.io, queued and due an hour after {@code now}. */
  static DeliveryWriter.Row row(long workspace, String deliveryId, Instant now, String content) {
    return row(workspace, deliveryId, "transactional", now, content);
  }

  /** An email on {@code lane} to a@x.io, queued and due an hour after {@code now}. */
  static DeliveryWriter.Row row(
      long workspace, String deliveryId, String lane, Instant now, String content) {
    return new DeliveryWriter.Row(
        new DeliveryStore.NewDelivery(
            deliveryId,
            workspace,
            null,
            "email",
            lane,
            null,
            "a@x.io",
            "S",
            "queued",
            null,
            now.plusSeconds(3600),
            true,
            content),
        now);
  }
}
