package io.herald.scheduling.internal;

import io.herald.scheduling.api.NodeView;
import io.herald.shared.persistence.DataSources;
import io.herald.shared.persistence.DateTimes;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The {@code scheduling_node} table, written with small self-committing statements. */
@ApplicationScoped
public class NodeRegistry {

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  /** Records that {@code node} is alive at {@code now} (insert or update). */
  void heartbeat(NodeIdentity node, Instant now) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO scheduling_node (node_id, host, version, started_at, last_seen_at)"
                    + " VALUES (?, ?, ?, ?, ?)"
                    + " ON DUPLICATE KEY UPDATE last_seen_at = VALUES(last_seen_at)")) {
      ps.setString(1, node.nodeId());
      ps.setString(2, node.host());
      ps.setString(3, node.version());
      DateTimes.bind(ps, 4, node.startedAt());
      DateTimes.bind(ps, 5, now);
      ps.executeUpdate();
    }
  }

  /** Deletes nodes not seen since {@code before}; returns how many. */
  int forgetSilentSince(Instant before) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("DELETE FROM scheduling_node WHERE last_seen_at < ?")) {
      DateTimes.bind(ps, 1, before);
      return ps.executeUpdate();
    }
  }

  /** All recorded nodes, most recently seen first. */
  List<NodeView> nodes(String currentNodeId, Instant now, Duration aliveWithin)
      throws SQLException {
    List<NodeView> nodes = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT node_id, host, version, started_at, last_seen_at FROM scheduling_node"
                    + " ORDER BY last_seen_at DESC");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Instant lastSeen = rs.getTimestamp(5).toInstant();
        String id = rs.getString(1);
        nodes.add(
            new NodeView(
                id,
                rs.getString(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                lastSeen,
                id.equals(currentNodeId),
                !lastSeen.isBefore(now.minus(aliveWithin))));
      }
    }
    return nodes;
  }
}
