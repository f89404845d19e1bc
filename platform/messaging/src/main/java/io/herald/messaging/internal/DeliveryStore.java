package io.herald.messaging.internal;

import io.herald.messaging.api.DeliveryView;
import io.herald.shared.persistence.DateTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of the delivery log ({@code messaging_delivery}, {@code messaging_delivery_metric}). */
final class DeliveryStore {

  /** A delivery to write. state is queued, draft, failed or dropped. */
  record NewDelivery(
      String deliveryId,
      long workspaceId,
      String cioId,
      String channel,
      String lane,
      Long transactionalId,
      String recipient,
      String subject,
      String state,
      String reason,
      Instant dueAt,
      boolean retain,
      StoredBody content) {}

  /** A dev outbox delivery, the setting it went through and its stored content (or null). */
  record OutboxRow(DeliveryView view, String setting, String content) {}

  /** What tracking needs to know about a delivery found by its public id alone. */
  record Ref(
      long pk,
      long workspaceId,
      String cioId,
      Long transactionalId,
      String recipient,
      String channel) {}

  private static final String VIEW_COLUMNS =
      "d.id, d.delivery_id, d.channel, d.cio_id, d.transactional_id, d.recipient, d.subject,"
          + " d.state, d.reason, d.provider_message_id, d.attempts, d.created_at, d.response";

  /** The provider id of the development outbox plugin's channel. */
  static final String DEV_OUTBOX = "dev-outbox";

  /** The delivery went through a setting of the workspace ({@code ?}) whose provider is it. */
  private static final String OUTBOX_SETTING =
      "d.channel_setting IN (SELECT ch.name FROM messaging_channel ch WHERE ch.workspace_id = ?"
          + " AND ch.provider = '"
          + DEV_OUTBOX
          + "')";

  private DeliveryStore() {}

  static long insert(Connection c, NewDelivery d, Instant now) throws SQLException {
    long pk;
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO messaging_delivery (delivery_id, workspace_id, cio_id, channel, lane,"
                + " transactional_id, recipient, subject, state, reason, due_at, retain, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      int p = 1;
      insert.setString(p++, d.deliveryId());
      insert.setLong(p++, d.workspaceId());
      insert.setString(p++, d.cioId());
      insert.setString(p++, d.channel());
      insert.setString(p++, d.lane());
      insert.setObject(p++, d.transactionalId());
      insert.setString(p++, d.recipient());
      insert.setString(p++, d.subject());
      insert.setString(p++, d.state());
      insert.setString(p++, truncate(d.reason()));
      DateTimes.bind(insert, p++, d.dueAt());
      insert.setBoolean(p++, d.retain());
      DateTimes.bind(insert, p++, now);
      DateTimes.bind(insert, p, now);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        pk = keys.getLong(1);
      }
    }
    DeliveryContents.insertAll(c, List.of(pk), Collections.singletonList(d.content()));
    metric(c, pk, "created", now, null);
    if ("failed".equals(d.state()) || "dropped".equals(d.state())) {
      metric(c, pk, d.state(), now, d.reason());
    }
    return pk;
  }

  static Optional<DeliveryView> find(Connection c, long workspaceId, String deliveryId)
      throws SQLException {
    List<DeliveryView> found =
        views(c, "d.workspace_id = ? AND d.delivery_id = ?", workspaceId, deliveryId, 1);
    return found.stream().findFirst();
  }

  static List<DeliveryView> ofPerson(
      Connection c, long workspaceId, String cioId, Long beforePk, int limit) throws SQLException {
    String where = "d.workspace_id = ? AND d.cio_id = ?";
    if (beforePk != null) {
      where += " AND d.id < " + beforePk;
    }
    return views(c, where, workspaceId, cioId, limit);
  }

  static List<DeliveryView> ofMessage(
      Connection c, long workspaceId, long transactionalId, Long beforePk, int limit)
      throws SQLException {
    String where = "d.workspace_id = ? AND d.transactional_id = ?";
    if (beforePk != null) {
      where += " AND d.id < " + beforePk;
    }
    return views(c, where, workspaceId, transactionalId, limit);
  }

  /**
   * Deliveries a {@code dev-outbox} setting of the workspace accepted (or refused), newest first.
   */
  static List<DeliveryView> ofOutbox(Connection c, long workspaceId, Long beforePk, int limit)
      throws SQLException {
    String where = "d.workspace_id = ? AND " + OUTBOX_SETTING;
    if (beforePk != null) {
      where += " AND d.id < " + beforePk;
    }
    return views(c, where, workspaceId, workspaceId, limit);
  }

  /**
   * One delivery of the dev outbox with its setting name and stored content (null when not
   * retained).
   */
  static Optional<OutboxRow> outboxContent(Connection c, long workspaceId, String deliveryId)
      throws SQLException {
    Optional<DeliveryView> view = find(c, workspaceId, deliveryId);
    if (view.isEmpty()) {
      return Optional.empty();
    }
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT d.channel_setting, dc.content FROM messaging_delivery d"
                + DeliveryContents.JOIN
                + " WHERE d.workspace_id = ? AND d.delivery_id = ? AND "
                + OUTBOX_SETTING.replace("?", Long.toString(workspaceId)))) {
      q.setLong(1, workspaceId);
      q.setString(2, deliveryId);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new OutboxRow(view.get(), rs.getString(1), StoredBody.read(rs, 2)));
      }
    }
  }

  static Optional<Long> pk(Connection c, long workspaceId, String deliveryId) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT id FROM messaging_delivery WHERE workspace_id = ? AND delivery_id = ?")) {
      q.setLong(1, workspaceId);
      q.setString(2, deliveryId);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  private static List<DeliveryView> views(
      Connection c, String where, long workspaceId, Object value, int limit) throws SQLException {
    Map<Long, Object[]> rows = new LinkedHashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT "
                + VIEW_COLUMNS
                + " FROM messaging_delivery d WHERE "
                + where
                + " ORDER BY d.id DESC LIMIT ?")) {
      q.setLong(1, workspaceId);
      q.setObject(2, value);
      q.setInt(3, limit);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          long tx = rs.getLong(5);
          rows.put(
              rs.getLong(1),
              new Object[] {
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.wasNull() ? null : tx,
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getInt(11),
                DateTimes.instant(rs.getObject(12)),
                rs.getString(13)
              });
        }
      }
    }
    Map<Long, Map<String, Instant>> metrics = metrics(c, rows.keySet());
    List<DeliveryView> views = new ArrayList<>();
    rows.forEach(
        (pk, r) ->
            views.add(
                new DeliveryView(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    (Long) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    (String) r[7],
                    (String) r[8],
                    (Integer) r[9],
                    metrics.getOrDefault(pk, Map.of()),
                    (Instant) r[10],
                    Responses.fromJson((String) r[11]))));
    return views;
  }

  private static Map<Long, Map<String, Instant>> metrics(Connection c, java.util.Set<Long> pks)
      throws SQLException {
    Map<Long, Map<String, Instant>> metrics = new LinkedHashMap<>();
    if (pks.isEmpty()) {
      return metrics;
    }
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT delivery_pk, metric, at FROM messaging_delivery_metric WHERE delivery_pk IN ("
                + String.join(", ", java.util.Collections.nCopies(pks.size(), "?"))
                + ")")) {
      int p = 1;
      for (long pk : pks) {
        q.setLong(p++, pk);
      }
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          metrics
              .computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
              .put(rs.getString(2), DateTimes.instant(rs.getObject(3)));
        }
      }
    }
    return metrics;
  }

  /** A delivery by its public id, in whatever workspace it is. */
  static Optional<Ref> ref(Connection c, String deliveryId) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT id, workspace_id, cio_id, transactional_id, recipient, channel"
                + " FROM messaging_delivery WHERE delivery_id = ?")) {
      q.setString(1, deliveryId);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long tx = rs.getLong(4);
        Long transactionalId = rs.wasNull() ? null : tx;
        return Optional.of(
            new Ref(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                transactionalId,
                rs.getString(5),
                rs.getString(6)));
      }
    }
  }

  /**
   * The latest delivery of a workspace that a provider accepted under {@code providerMessageId}.
   *
   * @return the delivery's public id and its reference, empty when there is none
   */
  static Optional<Map.Entry<String, Ref>> byProviderId(
      Connection c, long workspaceId, String providerMessageId) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT id, delivery_id, cio_id, transactional_id, recipient, channel"
                + " FROM messaging_delivery WHERE workspace_id = ? AND provider_message_id = ?"
                + " ORDER BY id DESC LIMIT 1")) {
      q.setLong(1, workspaceId);
      q.setString(2, providerMessageId);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long tx = rs.getLong(4);
        Long transactionalId = rs.wasNull() ? null : tx;
        return Optional.of(
            Map.entry(
                rs.getString(2),
                new Ref(
                    rs.getLong(1),
                    workspaceId,
                    rs.getString(3),
                    transactionalId,
                    rs.getString(5),
                    rs.getString(6))));
      }
    }
  }

  /**
   * Ends a sent (or delivered: bounces can come after a delivery report) delivery as reported by
   * its provider ({@code bounced} or {@code failed}); a delivery in another state keeps it.
   */
  static void reportedEnd(Connection c, long pk, String state, String reason, Instant now)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE messaging_delivery SET state = ?, reason = ?, updated_at = ?"
                + " WHERE id = ? AND state IN ('sent', 'delivered')")) {
      update.setString(1, state);
      update.setString(2, truncate(reason));
      DateTimes.bind(update, 3, now);
      update.setLong(4, pk);
      update.executeUpdate();
    }
  }

  /** A sent delivery that its provider reports delivered becomes {@code delivered}. */
  static void reportedDelivered(Connection c, long pk, Instant now) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE messaging_delivery SET state = 'delivered', updated_at = ?"
                + " WHERE id = ? AND state = 'sent'")) {
      DateTimes.bind(update, 1, now);
      update.setLong(2, pk);
      update.executeUpdate();
    }
  }

  /**
   * Records a metric the first time it happens.
   *
   * @return whether this was the first time
   */
  static boolean firstMetric(Connection c, long pk, String metric, Instant at, String detail)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT IGNORE INTO messaging_delivery_metric (delivery_pk, metric, at, detail)"
                + " VALUES (?, ?, ?, ?)")) {
      insert.setLong(1, pk);
      insert.setString(2, metric);
      DateTimes.bind(insert, 3, at);
      insert.setString(4, truncate(detail));
      return insert.executeUpdate() > 0;
    }
  }

  /** Records a metric the first time it happens. */
  static void metric(Connection c, long pk, String metric, Instant at, String detail)
      throws SQLException {
    firstMetric(c, pk, metric, at, detail);
  }

  /**
   * The rendered content kept for a delivery, empty when the send asked for no retention (even
   * before it went out) or there is none.
   */
  static Optional<String> retainedContent(Connection c, String deliveryId) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT dc.content FROM messaging_delivery d"
                + DeliveryContents.JOIN
                + " WHERE d.delivery_id = ? AND d.retain = 1")) {
      q.setString(1, deliveryId);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? Optional.ofNullable(StoredBody.read(rs, 1)) : Optional.empty();
      }
    }
  }

  static String truncate(String s) {
    return s == null || s.length() <= 1000 ? s : s.substring(0, 997) + "...";
  }
}
