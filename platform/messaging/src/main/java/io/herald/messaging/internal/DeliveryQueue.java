package io.herald.messaging.internal;

import io.herald.shared.persistence.DateTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * SQL of the sending side of the delivery log: claiming due deliveries of a lane and recording what
 * the provider said (the reads and metrics are in {@link DeliveryStore}).
 */
final class DeliveryQueue {

  /** A claimed delivery to hand to a provider. */
  record Claimed(
      long pk,
      String deliveryId,
      long workspaceId,
      String lane,
      String channel,
      String channelSetting,
      String recipient,
      int attempts,
      boolean retain,
      StoredBody content,
      String cioId,
      Long transactionalId) {

    /** What tracking needs to know about it. */
    DeliveryStore.Ref ref() {
      return new DeliveryStore.Ref(pk, workspaceId, cioId, transactionalId, recipient, channel);
    }
  }

  private DeliveryQueue() {}

  /**
   * Claims due deliveries for this node until {@code leaseUntil}: queued ones whose time has come
   * and sending ones whose node's lease ran out (it stopped mid-send).
   */
  /**
   * Whether the lane may have a delivery to claim, read without locks (in auto-commit mode: an idle
   * sending loop commits nothing).
   */
  static boolean anyDue(Connection autoCommit, String lane, Instant now) throws SQLException {
    try (PreparedStatement q =
        autoCommit.prepareStatement(
            "SELECT 1 FROM messaging_delivery FORCE INDEX (ix_messaging_delivery_due)"
                + " WHERE lane = ? AND state IN ('queued', 'sending') AND due_at <= ? LIMIT 1")) {
      q.setString(1, lane);
      DateTimes.bind(q, 2, now);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  static List<Claimed> claim(Connection c, String lane, Instant now, Instant leaseUntil, int limit)
      throws SQLException {
    // One query per state, each read in (state, due_at) order from the index, so the scan stops
    // after `limit` rows and locks only those (a filesort would lock every due row first).
    List<Claimed> claimed = new ArrayList<>(due(c, lane, "queued", now, limit));
    if (claimed.size() < limit) {
      claimed.addAll(due(c, lane, "sending", now, limit - claimed.size()));
    }
    if (claimed.isEmpty()) {
      return claimed;
    }
    // due_at doubles as the lease of a sending delivery: the time another node may take it over.
    // One statement for the batch (and one for its metrics), not one per delivery.
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE messaging_delivery SET state = 'sending', due_at = ?, lease_until = ?,"
                + " attempts = attempts + 1, updated_at = ? WHERE id IN ("
                + marks(claimed.size())
                + ")")) {
      DateTimes.bind(update, 1, leaseUntil);
      DateTimes.bind(update, 2, leaseUntil);
      DateTimes.bind(update, 3, now);
      int i = 4;
      for (Claimed d : claimed) {
        update.setLong(i++, d.pk());
      }
      update.executeUpdate();
    }
    metrics(c, claimed, "attempted", now);
    return claimed;
  }

  /** {@code ?, ?, …}: {@code n} parameter marks. */
  static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  /** Records {@code metric} for each delivery that does not have it yet, in one statement. */
  private static void metrics(Connection c, List<Claimed> deliveries, String metric, Instant at)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT IGNORE INTO messaging_delivery_metric (delivery_pk, metric, at, detail) VALUES "
                + String.join(", ", Collections.nCopies(deliveries.size(), "(?, ?, ?, NULL)")))) {
      int i = 1;
      for (Claimed d : deliveries) {
        insert.setLong(i++, d.pk());
        insert.setString(i++, metric);
        DateTimes.bind(insert, i++, at);
      }
      insert.executeUpdate();
    }
  }

  /**
   * What a provider accepted: its message id, the setting that sent it and the fields of its answer
   * it kept (JSON object, null for none).
   */
  record Accepted(Claimed delivery, String providerId, String settingName, String response) {}

  /**
   * Records that the providers accepted these messages: one update and two metric statements for
   * all of them instead of two statements each.
   *
   * @return the deliveries sent for the first time (a node that stopped after sending makes another
   *     send them again); the update locks their rows first, so of two nodes recording the same
   *     delivery only the first to commit counts it
   */
  static List<Claimed> sentAll(Connection c, List<Accepted> accepted, Instant now)
      throws SQLException {
    if (accepted.isEmpty()) {
      return List.of();
    }
    String ids = marks(accepted.size());
    String cases = String.join(" ", Collections.nCopies(accepted.size(), "WHEN ? THEN ?"));
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE messaging_delivery SET state = 'sent', reason = NULL, due_at = NULL,"
                + " lease_until = NULL, provider_message_id = CASE id "
                + cases
                + " END, channel_setting = CASE id "
                + cases
                + " END, subject = CASE WHEN retain THEN subject ELSE NULL END, response = CASE id "
                + cases
                + " END, updated_at = ? WHERE id IN ("
                + ids
                + ")")) {
      int i = 1;
      for (Accepted a : accepted) {
        update.setLong(i++, a.delivery().pk());
        update.setString(i++, a.providerId());
      }
      for (Accepted a : accepted) {
        update.setLong(i++, a.delivery().pk());
        update.setString(i++, a.settingName());
      }
      for (Accepted a : accepted) {
        update.setLong(i++, a.delivery().pk());
        update.setString(i++, a.response());
      }
      DateTimes.bind(update, i++, now);
      for (Accepted a : accepted) {
        update.setLong(i++, a.delivery().pk());
      }
      update.executeUpdate();
    }
    List<Long> notRetained = new ArrayList<>();
    for (Accepted a : accepted) {
      if (!a.delivery().retain()) {
        notRetained.add(a.delivery().pk());
      }
    }
    DeliveryContents.deleteAll(c, notRetained);
    Set<Long> before = new HashSet<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT delivery_pk FROM messaging_delivery_metric WHERE metric = 'sent'"
                + " AND delivery_pk IN ("
                + ids
                + ")")) {
      int i = 1;
      for (Accepted a : accepted) {
        q.setLong(i++, a.delivery().pk());
      }
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          before.add(rs.getLong(1));
        }
      }
    }
    List<Claimed> all = new ArrayList<>(accepted.size());
    List<Claimed> first = new ArrayList<>(accepted.size());
    for (Accepted a : accepted) {
      all.add(a.delivery());
      if (before.add(a.delivery().pk())) {
        first.add(a.delivery());
      }
    }
    metrics(c, all, "sent", now);
    return first;
  }

  private static List<Claimed> due(Connection c, String lane, String state, Instant now, int limit)
      throws SQLException {
    List<Claimed> due = new ArrayList<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT d.id, d.delivery_id, d.workspace_id, d.lane, d.channel, d.channel_setting,"
                + " d.recipient, d.attempts, d.retain, dc.content, d.cio_id, d.transactional_id"
                + " FROM messaging_delivery d FORCE INDEX (ix_messaging_delivery_due)"
                + DeliveryContents.JOIN
                + " WHERE d.lane = ? AND d.state = ? AND d.due_at <= ? ORDER BY d.due_at LIMIT ?"
                + " FOR UPDATE SKIP LOCKED")) {
      q.setString(1, lane);
      q.setString(2, state);
      DateTimes.bind(q, 3, now);
      q.setInt(4, limit);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          long tx = rs.getLong(12);
          Long transactionalId = rs.wasNull() ? null : tx;
          due.add(
              new Claimed(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getInt(8),
                  rs.getBoolean(9),
                  StoredBody.readStored(rs, 10),
                  rs.getString(11),
                  transactionalId));
        }
      }
    }
    return due;
  }

  /** Puts a delivery back in the queue until {@code dueAt}. */
  static void retry(
      Connection c, Claimed d, String reason, Instant dueAt, boolean countAttempt, Instant now)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE messaging_delivery SET state = 'queued', reason = ?, due_at = ?,"
                + " lease_until = NULL, attempts = attempts - ?, updated_at = ? WHERE id = ?")) {
      update.setString(1, DeliveryStore.truncate(reason));
      DateTimes.bind(update, 2, dueAt);
      update.setInt(3, countAttempt ? 0 : 1);
      DateTimes.bind(update, 4, now);
      update.setLong(5, d.pk());
      update.executeUpdate();
    }
  }

  /** Ends a delivery as dropped (its address was suppressed after it was queued). */
  static void dropped(Connection c, Claimed d, String reason, Instant now) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE messaging_delivery SET state = 'dropped', reason = ?, due_at = NULL,"
                + " lease_until = NULL, attempts = attempts - 1, updated_at = ? WHERE id = ?")) {
      update.setString(1, DeliveryStore.truncate(reason));
      DateTimes.bind(update, 2, now);
      update.setLong(3, d.pk());
      update.executeUpdate();
    }
    DeliveryStore.metric(c, d.pk(), "dropped", now, reason);
  }

  /** Ends a delivery as failed. */
  static void failed(Connection c, Claimed d, String reason, Instant now) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE messaging_delivery SET state = 'failed', reason = ?, due_at = NULL,"
                + " lease_until = NULL, updated_at = ? WHERE id = ?")) {
      update.setString(1, DeliveryStore.truncate(reason));
      DateTimes.bind(update, 2, now);
      update.setLong(3, d.pk());
      update.executeUpdate();
    }
    DeliveryStore.metric(c, d.pk(), "failed", now, reason);
  }
}
