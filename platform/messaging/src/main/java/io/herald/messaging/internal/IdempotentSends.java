package io.herald.messaging.internal;

import io.herald.messaging.api.SendReceipt;
import io.herald.shared.persistence.DateTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The idempotency keys of sends ({@code messaging_delivery.idempotency_key}, unique per workspace):
 * the key is written in the transaction that inserts the delivery, so a send retried with the same
 * key either finds the committed delivery or fails on the unique index.
 */
final class IdempotentSends {

  /** Longest key, in characters (the column's size). */
  static final int MAX_KEY_CHARS = 100;

  private IdempotentSends() {}

  /** Gives the delivery with primary key {@code pk} its key (same transaction as the insert). */
  static void keep(Connection c, long pk, String key) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement("UPDATE messaging_delivery SET idempotency_key = ? WHERE id = ?")) {
      update.setString(1, key);
      update.setLong(2, pk);
      update.executeUpdate();
    }
  }

  /** The receipt of the delivery the workspace queued with {@code key}, if any. */
  static Optional<SendReceipt> find(Connection c, long workspaceId, String key)
      throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT delivery_id, created_at FROM messaging_delivery"
                + " WHERE workspace_id = ? AND idempotency_key = ?")) {
      q.setLong(1, workspaceId);
      q.setString(2, key);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new SendReceipt(rs.getString(1), DateTimes.instant(rs.getObject(2))));
      }
    }
  }

  /** The rows with the first one (the delivery the receipt names) carrying {@code key}. */
  static List<DeliveryWriter.Row> keyed(List<DeliveryWriter.Row> rows, String key) {
    List<DeliveryWriter.Row> keyed = new ArrayList<>(rows);
    DeliveryWriter.Row first = keyed.get(0);
    keyed.set(0, new DeliveryWriter.Row(first.delivery(), first.now(), key));
    return keyed;
  }
}
