package io.herald.segments.internal.sql;

import io.herald.segments.api.condition.Condition;
import io.herald.workspace.api.WorkspaceId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link SqlSegmentQueries} and {@link SqlRebuildSets} share: binding a {@link SqlFragment},
 * the READ COMMITTED auto-commit writes of a rebuild's sets, the zones people name, and the
 * server's {@link Dialect}, read from the first connection and kept.
 */
final class SqlStatements {

  /** The people of a workspace, walked on {@code ix_people_person_recent (workspace_id, id)}. */
  static final String PEOPLE =
      " FROM people_person p FORCE INDEX (ix_people_person_recent) WHERE p.workspace_id = ";

  /** The server's dialect (null until the first connection, unless forced). */
  private volatile Dialect dialect;

  /** Reads the dialect from the first connection. */
  SqlStatements() {}

  /** Writes {@code dialect}'s SQL whatever the server is (tests). */
  SqlStatements(Dialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  /** The dialect of the server {@code c} is connected to, read once. */
  Dialect dialect(Connection c) throws SQLException {
    Dialect known = dialect;
    if (known == null) {
      known = Dialect.of(c);
      dialect = known;
    }
    return known;
  }

  /**
   * Runs one write statement in auto-commit mode in READ COMMITTED: InnoDB then reads the tables of
   * an {@code INSERT … SELECT} as a consistent snapshot without locking their rows (in REPEATABLE
   * READ it would share-lock every row it reads, and ingestion would wait for the rebuild).
   */
  static long readCommitted(Connection c, SqlFragment statement) throws SQLException {
    int isolation = c.getTransactionIsolation();
    boolean autoCommit = c.getAutoCommit();
    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    c.setAutoCommit(true);
    try (PreparedStatement s = prepare(c, statement)) {
      return s.executeLargeUpdate();
    } finally {
      c.setAutoCommit(autoCommit);
      c.setTransactionIsolation(isolation);
    }
  }

  /**
   * The zones {@code condition} needs: the valid zones named by anyone in the workspace when it
   * reads calendar days in the person's zone, else none.
   */
  static PersonZones workspaceZones(Connection c, Condition condition, WorkspaceId workspace)
      throws SQLException {
    return ConditionSqlCompiler.needsPersonZones(condition)
        ? workspaceZones(c, workspace.value())
        : PersonZones.NONE;
  }

  /** The valid zones named by anyone in the workspace. */
  private static PersonZones workspaceZones(Connection c, long workspace) throws SQLException {
    SqlFragment query =
        new SqlFragment.Builder()
            // Bytes: DISTINCT under a case-insensitive collation would merge Europe/London with
            // europe/london (not a zone).
            .sql("SELECT DISTINCT CAST(" + PersonZones.TEXT_SQL + " AS BINARY)")
            .sql(PEOPLE)
            .param(workspace)
            .build();
    Set<String> names = new HashSet<>();
    try (PreparedStatement s = prepare(c, query);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        byte[] name = rs.getBytes(1);
        if (name != null) {
          names.add(new String(name, StandardCharsets.UTF_8));
        }
      }
    }
    return PersonZones.of(names);
  }

  /** The fragment's statement with its parameters bound. */
  static PreparedStatement prepare(Connection c, SqlFragment fragment) throws SQLException {
    PreparedStatement s = c.prepareStatement(fragment.sql());
    try {
      List<Object> parameters = fragment.parameters();
      for (int i = 0; i < parameters.size(); i++) {
        bind(s, i + 1, parameters.get(i));
      }
      return s;
    } catch (SQLException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  private static void bind(PreparedStatement s, int index, Object value) throws SQLException {
    if (value instanceof Long l) {
      s.setLong(index, l);
    } else if (value instanceof Integer i) {
      s.setInt(index, i);
    } else if (value instanceof String text) {
      s.setString(index, text);
    } else if (value instanceof BigDecimal decimal) {
      s.setBigDecimal(index, decimal);
    } else if (value instanceof byte[] bytes) {
      s.setBytes(index, bytes);
    } else {
      throw new IllegalArgumentException("no binding for " + value.getClass());
    }
  }

  static IllegalStateException failed(SQLException e) {
    return new IllegalStateException("segment query failed: " + e.getMessage(), e);
  }
}
