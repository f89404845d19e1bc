package io.herald.messaging.internal;

import io.herald.shared.persistence.DateTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * New deliveries written with multi-row statements: one {@code INSERT} per chunk of rows (keys
 * included), one {@code SELECT} of their primary keys by public id (auto-increment values of a
 * multi-row insert need not be consecutive under MySQL 8's interleaved lock mode; a chunk of one
 * row, as most transactional sends are, takes its key from the insert instead) and one {@code
 * INSERT} of their metrics and one of their contents ({@link DeliveryContents}), instead of three
 * or four statements per delivery. A row in state {@code sending} is written claimed by this node
 * ({@link Handoff}): {@code due_at} is its lease, as a claim would set it, with its first attempt
 * and {@code attempted} metric.
 */
final class DeliveryInserts {

  /** Rows per statement at most. */
  static final int MAX_ROWS = 500;

  private static final String COLUMNS =
      "INSERT INTO messaging_delivery (delivery_id, workspace_id, cio_id, channel, lane,"
          + " transactional_id, recipient, subject, state, reason, due_at, retain, created_at,"
          + " updated_at, idempotency_key, lease_until, attempts) VALUES ";
  private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** The state of a delivery written already claimed by this node ({@link Handoff}). */
  static final String SENDING = "sending";

  private record Metric(long pk, String metric, Instant at, String detail) {}

  private DeliveryInserts() {}

  /**
   * Inserts the rows with their {@code created} (and {@code failed} / {@code dropped}) metrics.
   *
   * @return their primary keys, in order
   * @throws SQLException when any row cannot be written (a reused idempotency key, …)
   */
  static List<Long> insertAll(Connection c, List<DeliveryWriter.Row> rows) throws SQLException {
    List<Long> keys = new ArrayList<>(rows.size());
    for (int from = 0; from < rows.size(); from += MAX_ROWS) {
      keys.addAll(chunk(c, rows.subList(from, Math.min(rows.size(), from + MAX_ROWS))));
    }
    List<StoredBody> contents = new ArrayList<>(rows.size());
    for (DeliveryWriter.Row row : rows) {
      contents.add(row.delivery().content());
    }
    DeliveryContents.insertAll(c, keys, contents);
    return keys;
  }

  private static List<Long> chunk(Connection c, List<DeliveryWriter.Row> rows) throws SQLException {
    Map<String, Long> byId = new HashMap<>();
    boolean single = rows.size() == 1;
    try (PreparedStatement insert =
        c.prepareStatement(
            COLUMNS + String.join(", ", Collections.nCopies(rows.size(), ROW)),
            single ? Statement.RETURN_GENERATED_KEYS : Statement.NO_GENERATED_KEYS)) {
      int p = 1;
      for (DeliveryWriter.Row row : rows) {
        DeliveryStore.NewDelivery d = row.delivery();
        insert.setString(p++, d.deliveryId());
        insert.setLong(p++, d.workspaceId());
        insert.setString(p++, d.cioId());
        insert.setString(p++, d.channel());
        insert.setString(p++, d.lane());
        insert.setObject(p++, d.transactionalId());
        insert.setString(p++, d.recipient());
        insert.setString(p++, d.subject());
        insert.setString(p++, d.state());
        insert.setString(p++, DeliveryStore.truncate(d.reason()));
        DateTimes.bind(insert, p++, d.dueAt());
        insert.setBoolean(p++, d.retain());
        DateTimes.bind(insert, p++, row.now());
        DateTimes.bind(insert, p++, row.now());
        insert.setString(p++, row.idempotencyKey());
        // A delivery written claimed: leased until its due time, its first attempt begun.
        boolean claimed = SENDING.equals(d.state());
        DateTimes.bind(insert, p++, claimed ? d.dueAt() : null);
        insert.setInt(p++, claimed ? 1 : 0);
      }
      insert.executeUpdate();
      if (single) {
        try (ResultSet generated = insert.getGeneratedKeys()) {
          if (generated.next()) {
            byId.put(rows.get(0).delivery().deliveryId(), generated.getLong(1));
          }
        }
      }
    }
    if (byId.isEmpty()) {
      byId = keysByDeliveryId(c, rows);
    }
    List<Long> keys = new ArrayList<>(rows.size());
    List<Metric> metrics = new ArrayList<>(rows.size());
    for (DeliveryWriter.Row row : rows) {
      DeliveryStore.NewDelivery d = row.delivery();
      Long pk = byId.get(d.deliveryId());
      if (pk == null) {
        throw new SQLException("delivery " + d.deliveryId() + " was not found after its insert");
      }
      keys.add(pk);
      metrics.add(new Metric(pk, "created", row.now(), null));
      if ("failed".equals(d.state()) || "dropped".equals(d.state())) {
        metrics.add(new Metric(pk, d.state(), row.now(), d.reason()));
      } else if (SENDING.equals(d.state())) {
        metrics.add(new Metric(pk, "attempted", row.now(), null));
      }
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT IGNORE INTO messaging_delivery_metric (delivery_pk, metric, at, detail) VALUES "
                + String.join(", ", Collections.nCopies(metrics.size(), "(?, ?, ?, ?)")))) {
      int p = 1;
      for (Metric m : metrics) {
        insert.setLong(p++, m.pk());
        insert.setString(p++, m.metric());
        DateTimes.bind(insert, p++, m.at());
        insert.setString(p++, DeliveryStore.truncate(m.detail()));
      }
      insert.executeUpdate();
    }
    return keys;
  }

  /** The primary keys of inserted rows, by their public ids. */
  private static Map<String, Long> keysByDeliveryId(Connection c, List<DeliveryWriter.Row> rows)
      throws SQLException {
    Map<String, Long> byId = new HashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT delivery_id, id FROM messaging_delivery WHERE delivery_id IN ("
                + DeliveryQueue.marks(rows.size())
                + ")")) {
      int p = 1;
      for (DeliveryWriter.Row row : rows) {
        q.setString(p++, row.delivery().deliveryId());
      }
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          byId.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return byId;
  }
}
