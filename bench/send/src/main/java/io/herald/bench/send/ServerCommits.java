package io.herald.bench.send;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The database server's count of transaction commits ({@code Com_commit}: each {@code COMMIT},
 * which is how the driver ends a transaction), read before and after a phase. Server-wide: it
 * counts every client, so the benchmark runs on an otherwise idle server. (MariaDB's per-user
 * {@code COMMIT_TRANSACTIONS} under {@code userstat=1} also counts every statement run in
 * auto-commit mode, so it does not say how many transactions Herald committed.)
 */
final class ServerCommits {

  private ServerCommits() {}

  /** Commits so far, server-wide. */
  static long count(Settings s) throws Exception {
    try (Connection c = DriverManager.getConnection(s.server(), s.rootUser(), s.rootPassword());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_commit'")) {
      return rs.next() ? rs.getLong(2) : -1;
    }
  }
}
