package io.herald.journeys.internal;

import io.herald.shared.persistence.DateTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC helpers: parameters bound by type (instants as DATETIME text, never Timestamp). */
final class Sql {

  /** Maps the current row. */
  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private Sql() {}

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, params);
      return s.executeUpdate();
    }
  }

  static long insert(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      bind(s, params);
      if (s.executeUpdate() == 0) {
        return 0;
      }
      try (ResultSet keys = s.getGeneratedKeys()) {
        return keys.next() ? keys.getLong(1) : 0;
      }
    }
  }

  static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, params);
      List<T> found = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          found.add(row.map(rs));
        }
      }
      return found;
    }
  }

  static long count(Connection c, String sql, Object... params) throws SQLException {
    List<Long> found = list(c, sql, rs -> rs.getLong(1), params);
    return found.isEmpty() ? 0 : found.get(0);
  }

  /** {@code n} placeholders for an {@code IN} list: {@code ?, ?, ?}. */
  static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    return DateTimes.instant(rs.getObject(column));
  }

  private static void bind(PreparedStatement s, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p instanceof Instant at) {
        DateTimes.bind(s, i + 1, at);
      } else {
        s.setObject(i + 1, p);
      }
    }
  }
}
