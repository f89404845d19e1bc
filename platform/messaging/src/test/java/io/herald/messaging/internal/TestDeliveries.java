package io.herald.messaging.internal;

import io.herald.messaging.api.DeliveryView;
import io.herald.shared.persistence.Transactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/** New deliveries for tests of the enqueue side. */
final class TestDeliveries {

  private TestDeliveries() {}

  /** Deletes a workspace's deliveries and its rows of {@code alsoTables}. */
  static void deleteAll(DataSource database, long workspace, String... alsoTables) {
    Transactions.inTransaction(
        database,
        "test",
        c -> {
          List<String> tables = new ArrayList<>(List.of(alsoTables));
          tables.add("messaging_delivery");
          for (String table : tables) {
            try (var d = c.prepareStatement("DELETE FROM " + table + " WHERE workspace_id = ?")) {
              d.setLong(1, workspace);
              d.executeUpdate();
            }
          }
          return null;
        });
  }

  /**
   * Inserts a queued email to ada@x.io for person {@code cio-1}, due at {@code due}; its delivery
   * id.
   */
  static String insert(
      DataSource database,
      long workspace,
      Instant due,
      String lane,
      Long transactionalId,
      Instant now) {
    String id = "d" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
    Composed content = new Composed("a@x.io", "", "Subject", "<p>Hi</p>", "Hi", null, null);
    Transactions.inTransaction(
        database,
        "test",
        c ->
            DeliveryStore.insert(
                c,
                new DeliveryStore.NewDelivery(
                    id,
                    workspace,
                    "cio-1",
                    "email",
                    lane,
                    transactionalId,
                    "ada@x.io",
                    "Subject",
                    "queued",
                    null,
                    due,
                    true,
                    StoredBody.of(content.toJson())),
                now));
    return id;
  }

  /** A delivery of the workspace, which must exist. */
  static DeliveryView view(DataSource database, long workspace, String deliveryId) {
    return Transactions.autoCommit(
            database, "test", c -> DeliveryStore.find(c, workspace, deliveryId))
        .orElseThrow();
  }

  /** The workspace's rows of {@code table} that match {@code condition} (SQL). */
  static long count(DataSource database, long workspace, String table, String condition) {
    return Transactions.autoCommit(
        database,
        "test",
        c -> {
          try (var q =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM " + table + " WHERE workspace_id = ? AND " + condition)) {
            q.setLong(1, workspace);
            try (var rs = q.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /** A transactional email to a@x.io, queued and due an hour after {@code now}. */
  static DeliveryWriter.Row row(long workspace, String deliveryId, Instant now, String content) {
    return row(workspace, deliveryId, "transactional", now, content);
  }

  /** An email on {@code lane} to a@x.io, queued and due an hour after {@code now}. */
  static DeliveryWriter.Row row(
      long workspace, String deliveryId, String lane, Instant now, String content) {
    return row(workspace, deliveryId, lane, now, now.plusSeconds(3600), true, content);
  }

  /** An email on {@code lane} to a@x.io, queued and due at {@code due}. */
  static DeliveryWriter.Row row(
      long workspace,
      String deliveryId,
      String lane,
      Instant now,
      Instant due,
      boolean retain,
      String content) {
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
            due,
            retain,
            StoredBody.of(content)),
        now);
  }
}
