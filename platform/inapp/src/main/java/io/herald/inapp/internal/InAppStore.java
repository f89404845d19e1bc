package io.herald.inapp.internal;

import io.herald.inapp.api.InAppContent;
import io.herald.inapp.api.InAppMessage;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.DateTimes;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** The {@code inapp_message} table (plain JDBC, times as text through {@link DateTimes}). */
@ApplicationScoped
public class InAppStore {

  private static final String COLUMNS =
      "delivery_id, cio_id, content, state, created_at, expires_at";

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  /** A stored message and its row id. */
  record Row(long id, InAppMessage message) {}

  /**
   * Inserts the message unless the workspace already has its delivery id, then reads the stored
   * one.
   */
  InAppMessage insert(
      WorkspaceId workspace,
      String cioId,
      String deliveryId,
      InAppContent content,
      Instant now,
      Instant expiresAt) {
    return Transactions.inTransaction(
        dataSource,
        "inapp",
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO inapp_message (workspace_id, cio_id, delivery_id, content, state,"
                      + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                      + " ON DUPLICATE KEY UPDATE id = id")) {
            insert.setLong(1, workspace.value());
            insert.setString(2, cioId);
            insert.setString(3, deliveryId);
            insert.setString(4, ContentJson.write(content).toString());
            insert.setString(5, InAppMessage.PENDING);
            insert.setString(6, DateTimes.text(now));
            insert.setString(7, DateTimes.text(expiresAt));
            insert.executeUpdate();
          }
          return find(c, workspace, deliveryId)
              .orElseThrow(() -> new IllegalStateException("in-app message vanished"))
              .message();
        });
  }

  /** The message with that delivery id in the workspace. */
  Optional<InAppMessage> find(WorkspaceId workspace, String deliveryId) {
    return Transactions.autoCommit(
        dataSource, "inapp", c -> find(c, workspace, deliveryId).map(Row::message));
  }

  /** The person's pending, unexpired messages, oldest first. */
  List<InAppMessage> pending(WorkspaceId workspace, String cioId, Instant now, int limit) {
    return Transactions.autoCommit(
        dataSource,
        "inapp",
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT id, "
                      + COLUMNS
                      + " FROM inapp_message WHERE workspace_id = ? AND cio_id = ? AND state = ?"
                      + " AND expires_at > ? ORDER BY id LIMIT ?")) {
            q.setLong(1, workspace.value());
            q.setString(2, cioId);
            q.setString(3, InAppMessage.PENDING);
            q.setString(4, DateTimes.text(now));
            q.setInt(5, limit);
            return rows(q).stream().map(Row::message).toList();
          }
        });
  }

  /** The person's messages, newest first. */
  List<InAppMessage> recent(WorkspaceId workspace, String cioId, int limit) {
    return Transactions.autoCommit(
        dataSource,
        "inapp",
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT id, "
                      + COLUMNS
                      + " FROM inapp_message WHERE workspace_id = ? AND cio_id = ?"
                      + " ORDER BY id DESC LIMIT ?")) {
            q.setLong(1, workspace.value());
            q.setString(2, cioId);
            q.setInt(3, limit);
            return rows(q).stream().map(Row::message).toList();
          }
        });
  }

  /**
   * Of the given people of one workspace, those with a pending, unexpired message (one query for
   * all: the long polls' check).
   */
  Set<String> withPending(WorkspaceId workspace, Collection<String> cioIds, Instant now) {
    if (cioIds.isEmpty()) {
      return Set.of();
    }
    return Transactions.autoCommit(
        dataSource,
        "inapp",
        c -> {
          String marks = String.join(", ", java.util.Collections.nCopies(cioIds.size(), "?"));
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT DISTINCT cio_id FROM inapp_message WHERE workspace_id = ?"
                      + " AND cio_id IN ("
                      + marks
                      + ") AND state = ? AND expires_at > ?")) {
            int i = 1;
            q.setLong(i++, workspace.value());
            for (String cioId : cioIds) {
              q.setString(i++, cioId);
            }
            q.setString(i++, InAppMessage.PENDING);
            q.setString(i, DateTimes.text(now));
            Set<String> found = new HashSet<>();
            try (ResultSet rs = q.executeQuery()) {
              while (rs.next()) {
                found.add(rs.getString(1));
              }
            }
            return found;
          }
        });
  }

  /**
   * Moves the message to {@code state} if it may: {@code shown} only from {@code pending}; {@code
   * clicked} and {@code dismissed} from {@code pending} or {@code shown} (a message ends once).
   *
   * @return whether the state changed
   */
  boolean transition(
      WorkspaceId workspace, String deliveryId, String state, String url, Instant now) {
    boolean shown = InAppMessage.SHOWN.equals(state);
    String sql =
        shown
            ? "UPDATE inapp_message SET state = ?, shown_at = ?"
                + " WHERE workspace_id = ? AND delivery_id = ? AND state = 'pending'"
            : "UPDATE inapp_message SET state = ?, acted_at = ?, shown_at = COALESCE(shown_at, ?),"
                + " clicked_url = ? WHERE workspace_id = ? AND delivery_id = ?"
                + " AND state IN ('pending', 'shown')";
    return Transactions.autoCommit(
        dataSource,
        "inapp",
        c -> {
          try (PreparedStatement u = c.prepareStatement(sql)) {
            int i = 1;
            u.setString(i++, state);
            u.setString(i++, DateTimes.text(now));
            if (!shown) {
              u.setString(i++, DateTimes.text(now));
              u.setString(i++, url);
            }
            u.setLong(i++, workspace.value());
            u.setString(i, deliveryId);
            return u.executeUpdate() > 0;
          }
        });
  }

  private static Optional<Row> find(Connection c, WorkspaceId workspace, String deliveryId)
      throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT id, "
                + COLUMNS
                + " FROM inapp_message WHERE workspace_id = ? AND delivery_id = ?")) {
      q.setLong(1, workspace.value());
      q.setString(2, deliveryId);
      List<Row> rows = rows(q);
      return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
  }

  private static List<Row> rows(PreparedStatement q) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        rows.add(
            new Row(
                rs.getLong(1),
                new InAppMessage(
                    rs.getString(2),
                    rs.getString(3),
                    ContentJson.read(rs.getString(4)),
                    rs.getString(5),
                    DateTimes.instant(rs.getObject(6)),
                    DateTimes.instant(rs.getObject(7)))));
      }
    }
    return rows;
  }
}
