package io.herald.ingest.internal;

import io.herald.ingest.api.DataInLog;
import io.herald.ingest.api.DroppedMessage;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.DateTimes;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** {@code ingest_drop}: one row per dropped message. */
@ApplicationScoped
public class JdbcDataInLog implements DataInLog {

  private static final Logger LOG = Logger.getLogger(JdbcDataInLog.class.getName());
  private static final int MAX_REASON = 500;

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  void dropped(
      WorkspaceId workspace, Instant at, String callType, String messageId, String reason) {
    String shortReason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO ingest_drop (workspace_id, received_at, call_type, message_id,"
                    + " reason) VALUES (?, ?, ?, ?, ?)")) {
      insert.setLong(1, workspace.value());
      DateTimes.bind(insert, 2, at);
      insert.setString(3, callType);
      insert.setString(4, messageId == null || messageId.length() > 150 ? null : messageId);
      insert.setString(5, shortReason);
      insert.executeUpdate();
    } catch (SQLException e) {
      // The message was already answered; losing its drop record must not fail the call.
      LOG.warning(() -> "drop not recorded (" + shortReason + "): " + e.getMessage());
    }
  }

  @Override
  public List<DroppedMessage> recentDrops(WorkspaceId workspace, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT received_at, call_type, message_id, reason FROM ingest_drop"
                    + " WHERE workspace_id = ? ORDER BY id DESC LIMIT ?")) {
      q.setLong(1, workspace.value());
      q.setInt(2, limit);
      List<DroppedMessage> drops = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          drops.add(
              new DroppedMessage(
                  rs.getTimestamp(1).toInstant(),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4)));
        }
      }
      return drops;
    } catch (SQLException e) {
      throw new IllegalStateException("data-in log unreadable: " + e.getMessage(), e);
    }
  }
}
