package io.herald.segments.internal.realtime;

import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.ConditionJson;
import io.herald.segments.api.condition.InvalidConditionException;
import io.herald.shared.persistence.DataSources;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Reads the active data-driven segments ({@code segments_segment} rows of type {@code data} with
 * conditions) with their parsed {@link ConditionDocument}s, outside any transaction.
 */
@ApplicationScoped
public class DataSegmentRepository {

  private static final Logger LOG = Logger.getLogger(DataSegmentRepository.class.getName());

  private static final String SELECT =
      "SELECT id, workspace_id, revision, conditions FROM segments_segment"
          + " WHERE type = 'data' AND conditions IS NOT NULL";

  @Resource(lookup = DataSources.NON_TRANSACTIONAL)
  DataSource dataSource;

  /** For CDI. */
  public DataSegmentRepository() {}

  /** For tests outside a container. */
  public DataSegmentRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The active data segments of a workspace, by id. */
  public List<DataSegment> active(WorkspaceId workspace) {
    return Jdbc.autoCommit(
        dataSource,
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(SELECT + " AND workspace_id = ? ORDER BY id")) {
            q.setLong(1, workspace.value());
            return read(q);
          }
        });
  }

  /** One active data segment. */
  public Optional<DataSegment> find(long workspaceId, long segmentId) {
    return Jdbc.autoCommit(
        dataSource,
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(SELECT + " AND workspace_id = ? AND id = ?")) {
            q.setLong(1, workspaceId);
            q.setLong(2, segmentId);
            return read(q).stream().findFirst();
          }
        });
  }

  /**
   * A value that changes whenever a data segment is created, deleted or gets new conditions
   * (anywhere): nodes compare it to know when their indexes are stale.
   */
  public String version() {
    return Jdbc.autoCommit(dataSource, DataSegmentRepository::version);
  }

  static String version(Connection c) throws SQLException {
    try (PreparedStatement q =
            c.prepareStatement(
                "SELECT COUNT(*), COALESCE(MAX(id), 0), COALESCE(SUM(revision), 0)"
                    + " FROM segments_segment WHERE type = 'data'");
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3);
    }
  }

  private static List<DataSegment> read(PreparedStatement q) throws SQLException {
    List<DataSegment> found = new ArrayList<>();
    try (ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong("id");
        try (JsonReader reader = Json.createReader(new StringReader(rs.getString("conditions")))) {
          ConditionDocument doc = ConditionJson.parse(reader.readValue());
          found.add(DataSegment.of(id, rs.getLong("workspace_id"), rs.getInt("revision"), doc));
        } catch (InvalidConditionException | jakarta.json.JsonException e) {
          // Stored conditions were validated on the way in; an unreadable tree is left out
          // rather than stopping every other segment.
          LOG.log(Level.WARNING, "data segment " + id + " has unreadable conditions", e);
        }
      }
    }
    return found;
  }
}
