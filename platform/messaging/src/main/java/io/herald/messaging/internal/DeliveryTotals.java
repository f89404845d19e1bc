package io.herald.messaging.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of delivery metrics over the deliveries whose idempotency key starts with a prefix (a
 * journey's sends: {@code journey-<id>-run-}), read from the unique (workspace, key) index and the
 * metric rows in one grouped query, so a journey's totals cover all its deliveries.
 */
final class DeliveryTotals {

  private DeliveryTotals() {}

  /** Metric → how many of the deliveries have it. */
  static Map<String, Long> byKeyPrefix(Connection c, long workspaceId, String prefix)
      throws SQLException {
    Map<String, Long> totals = new TreeMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT m.metric, COUNT(*) FROM messaging_delivery d"
                + " JOIN messaging_delivery_metric m ON m.delivery_pk = d.id"
                + " WHERE d.workspace_id = ? AND d.idempotency_key LIKE ? ESCAPE '!'"
                + " GROUP BY m.metric")) {
      s.setLong(1, workspaceId);
      s.setString(2, like(prefix));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          totals.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return totals;
  }

  /** A LIKE pattern matching texts that start with {@code prefix} ('!' escapes). */
  static String like(String prefix) {
    return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }
}
