package io.herald.bench.send;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The database server's count of read-write transactions committed (InnoDB's {@code trx_rw_commits}
 * metric, switched on here): a transaction ended by {@code COMMIT}, one ended by going back to
 * auto-commit (which is how Herald's units of work end since 2026-12-04), and each writing
 * statement run in auto-commit mode; read-only statements are not counted. Server-wide: it counts
 * every client, so the benchmark runs on an otherwise idle server. ({@code Com_commit}, used until
 * 2026-12-04, counts only {@code COMMIT} statements; MariaDB's per-user {@code COMMIT_TRANSACTIONS}
 * under {@code userstat=1} also counts every read-only statement.)
 */
final class ServerCommits {

  private ServerCommits() {}

  /** Read-write transactions committed so far, server-wide. */
  static long count(Settings s) throws Exception {
    try (Connection c = DriverManager.getConnection(s.server(), s.rootUser(), s.rootPassword());
        Statement st = c.createStatement()) {
      st.execute("SET GLOBAL innodb_monitor_enable = 'trx_rw_commits'");
      try (ResultSet rs =
          st.executeQuery(
              "SELECT count FROM information_schema.INNODB_METRICS"
                  + " WHERE name = 'trx_rw_commits'")) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }
}
