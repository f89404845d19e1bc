package io.herald.events.internal;

import io.herald.events.api.DeliveryMetric;
import io.herald.events.api.DeliveryMetrics;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.DateTimes;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** {@code events_delivery_metric}: one row per reported metric. */
@ApplicationScoped
public class JdbcDeliveryMetrics implements DeliveryMetrics {

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  @Inject Clock clock;

  @Override
  public void record(WorkspaceId workspace, DeliveryMetric m) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO events_delivery_metric (workspace_id, delivery_id, metric, occurred_at,"
                    + " received_at, recipient, reason, href, device_id, source)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, workspace.value());
      insert.setString(2, m.deliveryId());
      insert.setString(3, m.metric());
      DateTimes.bind(insert, 4, m.occurredAt());
      DateTimes.bind(insert, 5, clock.instant());
      insert.setString(6, m.recipient());
      insert.setString(7, m.reason());
      insert.setString(8, m.href());
      insert.setString(9, m.deviceId());
      insert.setString(10, m.source());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("delivery metric not stored: " + e.getMessage(), e);
    }
  }

  @Override
  public List<DeliveryMetric> of(WorkspaceId workspace, String deliveryId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT delivery_id, metric, occurred_at, recipient, reason, href, device_id, source"
                    + " FROM events_delivery_metric WHERE workspace_id = ? AND delivery_id = ?"
                    + " ORDER BY occurred_at, id")) {
      q.setLong(1, workspace.value());
      q.setString(2, deliveryId);
      List<DeliveryMetric> metrics = new ArrayList<>();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          metrics.add(
              new DeliveryMetric(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getTimestamp(3).toInstant(),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8)));
        }
      }
      return metrics;
    } catch (SQLException e) {
      throw new IllegalStateException("delivery metrics unreadable: " + e.getMessage(), e);
    }
  }
}
