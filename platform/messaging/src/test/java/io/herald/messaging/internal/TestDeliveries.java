package io.herald.messaging.internal;

import io.herald.shared.persistence.Transactions;
import java.time.Instant;
import javax.sql.DataSource;

/** New deliveries for tests of the enqueue side. */
final class TestDeliveries {

  private TestDeliveries() {}

  /** Deletes a workspace's deliveries. */
  static void deleteAll(DataSource database, long workspace) {
    Transactions.inTransaction(
        database,
        "test",
        c -> {
          try (var d =
              c.prepareStatement("DELETE FROM messaging_delivery WHERE workspace_id = ?")) {
            d.setLong(1, workspace);
            d.executeUpdate();
          }
          return null;
        });
  }

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
