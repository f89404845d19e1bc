package io.herald.app.ui;

import io.herald.app.it.Db;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What the server stored, read from the test database, to check that a refusal changed nothing. */
final class StoredRows {

  private StoredRows() {}

  /** Credentials of any workspace with this name. */
  static long credentialsNamed(String name) {
    return count("SELECT COUNT(*) FROM workspace_credential WHERE name = ?", name);
  }

  /** Admin users with this (lower-case) email. */
  static long adminUsers(String email) {
    return count("SELECT COUNT(*) FROM workspace_admin_user WHERE email = ?", email);
  }

  private static long count(String sql, String value) {
    try (Connection c = Db.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the test database", e);
    }
  }
}
