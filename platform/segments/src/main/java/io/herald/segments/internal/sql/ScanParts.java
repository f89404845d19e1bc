package io.herald.segments.internal.sql;

import static io.herald.segments.internal.sql.SqlStatements.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a rebuild's collect reads the people of a workspace when its statement would scan the whole
 * {@code people_person} table: in parts of the primary key, {@code id} ranges that statements on
 * separate connections read side by side. MySQL and MariaDB run one statement on one core, and a
 * scan that evaluates JSON attributes is bound by it; parts use the database server's other cores.
 *
 * <p>Split only what the server would scan anyway (its plan for the whole statement reads {@code
 * people_person} with access type {@code ALL}): the parts then read at most the same rows, each in
 * key order. A workspace that is a small share of the table is read through {@code (workspace_id,
 * …)} indexes, which parts of the primary key would not use, so it stays one statement.
 *
 * <p>The first part has no lower bound and the last no upper bound, so a person whose key is
 * outside the bounds read here (inserted meanwhile) is read all the same, as one statement would.
 * Each part reads its own consistent snapshot, all of them taken after the rebuild saved its
 * marker: like one statement, each person is read once, after the marker.
 *
 * @param bounds the keys between parts: part {@code i} reads {@code bounds[i-1] < id <= bounds[i]};
 *     empty for one part
 */
record ScanParts(List<Long> bounds) {

  /** One part: the statement as it is. */
  static final ScanParts WHOLE = new ScanParts(List.of());

  ScanParts {
    bounds = List.copyOf(bounds);
  }

  /** How many statements read the people. */
  int count() {
    return bounds.size() + 1;
  }

  /**
   * The parts of {@code select} (a query on {@code people_person p} of workspace {@code
   * workspaceId}): at most {@code parallelism}, each at least {@code minPart} keys wide, and only
   * when the server's plan for {@code select} scans the table (unless {@code anyPlan}: tests, whose
   * shared tables hold many small workspaces).
   */
  static ScanParts of(
      Connection c,
      SqlFragment select,
      long workspaceId,
      int parallelism,
      long minPart,
      boolean anyPlan)
      throws SQLException {
    if (parallelism < 2) {
      return WHOLE;
    }
    try (PreparedStatement q =
        c.prepareStatement("SELECT MIN(id), MAX(id) FROM people_person WHERE workspace_id = ?")) {
      q.setLong(1, workspaceId);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        long first = rs.getLong(1);
        long last = rs.getLong(2);
        if (rs.wasNull()) {
          return WHOLE;
        }
        ScanParts parts = between(first, last, parallelism, minPart);
        return parts.count() == 1 || anyPlan || scansPeople(c, select) ? parts : WHOLE;
      }
    }
  }

  /**
   * Keys {@code first} to {@code last} in at most {@code parallelism} parts of at least {@code
   * minPart} keys, as even as whole keys allow.
   */
  static ScanParts between(long first, long last, int parallelism, long minPart) {
    long width = last - first + 1;
    int parts = (int) Math.min(parallelism, width / Math.max(1, minPart));
    List<Long> bounds = new ArrayList<>();
    for (int i = 1; i < parts; i++) {
      bounds.add(first - 1 + width * i / parts);
    }
    return new ScanParts(bounds);
  }

  /** Whether the server's plan for {@code select} reads {@code people_person p} whole. */
  static boolean scansPeople(Connection c, SqlFragment select) throws SQLException {
    SqlFragment explain =
        new SqlFragment("EXPLAIN " + select.sql(), select.parameters()); // the same text and values
    try (PreparedStatement q = prepare(c, explain);
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        if ("p".equals(rs.getString("table"))) {
          return "ALL".equalsIgnoreCase(rs.getString("type"));
        }
      }
    }
    return false;
  }

  /**
   * {@code select}'s people of part {@code index}: the key range appended as a condition, read on
   * the primary key.
   */
  SqlFragment.Builder part(int index, SqlFragment.Builder where) {
    return part(index, "p.id", where);
  }

  /** Part {@code index}: the range of {@code key} appended to {@code where} as a condition. */
  SqlFragment.Builder part(int index, String key, SqlFragment.Builder where) {
    if (index > 0) {
      where.sql(" AND " + key + " > ").param(bounds.get(index - 1));
    }
    if (index < bounds.size()) {
      where.sql(" AND " + key + " <= ").param(bounds.get(index));
    }
    return where;
  }

  /**
   * The objects of type {@code typeId} of workspace {@code workspaceId} in parts of their keys
   * ({@code objects_object.id}): at most {@code parallelism}, each of at least {@code minPart}
   * objects on average (the objects' keys are spread over every type's, so the parts are even in
   * width, not in objects).
   */
  static ScanParts objects(
      Connection c, long workspaceId, int typeId, int parallelism, long minPart)
      throws SQLException {
    if (parallelism < 2) {
      return WHOLE;
    }
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT MIN(id), MAX(id), COUNT(*) FROM objects_object"
                + " WHERE workspace_id = ? AND type_id = ?")) {
      q.setLong(1, workspaceId);
      q.setInt(2, typeId);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        long first = rs.getLong(1);
        long last = rs.getLong(2);
        long objects = rs.getLong(3);
        int parts = (int) Math.min(parallelism, objects / Math.max(1, minPart));
        return parts < 2 ? WHOLE : between(first, last, parts, 1);
      }
    }
  }
}
