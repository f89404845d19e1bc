package io.herald.messaging.internal;

import io.herald.messaging.api.SuppressionView;
import io.herald.messaging.api.Suppressions;
import io.herald.shared.persistence.DateTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL of the suppression list ({@code messaging_suppression}). Addresses are normalised here, by
 * channel ({@link Suppressions#normalise}).
 */
final class SuppressionStore {

  private static final String COLUMNS = "id, channel, address, reason, delivery_id, created_at";

  private SuppressionStore() {}

  /**
   * Suppresses an address unless it already is (the first reason stays).
   *
   * @return whether it was added
   */
  static boolean add(
      Connection c,
      long workspaceId,
      String channel,
      String address,
      String reason,
      String deliveryId,
      Instant now)
      throws SQLException {
    String key = Suppressions.normalise(channel, address);
    if (key.isEmpty() || key.length() > Suppressions.MAX_ADDRESS) {
      return false;
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT IGNORE INTO messaging_suppression (workspace_id, channel, address, reason,"
                + " delivery_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, workspaceId);
      insert.setString(2, channel);
      insert.setString(3, key);
      insert.setString(4, reason);
      insert.setString(5, deliveryId);
      DateTimes.bind(insert, 6, now);
      return insert.executeUpdate() > 0;
    }
  }

  static Optional<SuppressionView> find(
      Connection c, long workspaceId, String channel, String address) throws SQLException {
    String key = Suppressions.normalise(channel, address);
    if (key.isEmpty() || key.length() > Suppressions.MAX_ADDRESS) {
      return Optional.empty();
    }
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM messaging_suppression WHERE workspace_id = ? AND channel = ?"
                + " AND address = ?")) {
      q.setLong(1, workspaceId);
      q.setString(2, channel);
      q.setString(3, key);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? Optional.of(view(rs)) : Optional.empty();
      }
    }
  }

  /**
   * The suppressions of many addresses in one query per 500, by normalised address; addresses not
   * suppressed (or not valid suppression keys) are absent.
   */
  static Map<String, SuppressionView> findAll(
      Connection c, long workspaceId, String channel, Collection<String> addresses)
      throws SQLException {
    List<String> keys = new ArrayList<>(new LinkedHashSet<>(normalisedKeys(channel, addresses)));
    Map<String, SuppressionView> found = new HashMap<>();
    for (int from = 0; from < keys.size(); from += 500) {
      List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 500));
      try (PreparedStatement q =
          c.prepareStatement(
              "SELECT "
                  + COLUMNS
                  + " FROM messaging_suppression WHERE workspace_id = ? AND channel = ?"
                  + " AND address IN ("
                  + String.join(",", Collections.nCopies(chunk.size(), "?"))
                  + ")")) {
        q.setLong(1, workspaceId);
        q.setString(2, channel);
        for (int i = 0; i < chunk.size(); i++) {
          q.setString(3 + i, chunk.get(i));
        }
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            SuppressionView view = view(rs);
            found.put(rs.getString("address"), view);
          }
        }
      }
    }
    return found;
  }

  /** The keys {@link #find} would look up, without the addresses it would not look up. */
  static List<String> normalisedKeys(String channel, Collection<String> addresses) {
    List<String> keys = new ArrayList<>(addresses.size());
    for (String address : addresses) {
      String key = address == null ? "" : Suppressions.normalise(channel, address);
      if (!key.isEmpty() && key.length() <= Suppressions.MAX_ADDRESS) {
        keys.add(key);
      }
    }
    return keys;
  }

  static List<SuppressionView> list(
      Connection c, long workspaceId, String channel, Long beforeId, int limit)
      throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM messaging_suppression WHERE workspace_id = ? AND channel = ? AND id < ?"
                + " ORDER BY id DESC LIMIT ?")) {
      q.setLong(1, workspaceId);
      q.setString(2, channel);
      q.setLong(3, beforeId == null ? Long.MAX_VALUE : beforeId);
      q.setInt(4, limit);
      List<SuppressionView> views = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          views.add(view(rs));
        }
      }
      return views;
    }
  }

  static boolean remove(Connection c, long workspaceId, String channel, String address)
      throws SQLException {
    String key = Suppressions.normalise(channel, address);
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM messaging_suppression WHERE workspace_id = ? AND channel = ?"
                + " AND address = ?")) {
      delete.setLong(1, workspaceId);
      delete.setString(2, channel);
      delete.setString(3, key);
      return delete.executeUpdate() > 0;
    }
  }

  private static SuppressionView view(ResultSet rs) throws SQLException {
    return new SuppressionView(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        DateTimes.instant(rs.getObject(6)));
  }
}
