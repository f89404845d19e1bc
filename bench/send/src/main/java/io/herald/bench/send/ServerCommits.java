package io.herald.bench.send;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** The database server's commit counters the send benchmark reads before and after a phase. */
final class ServerCommits {

  private ServerCommits() {}

  /**
   * Commits so far: Herald's user's {@code COMMIT_TRANSACTIONS} when the server keeps user
   * statistics (MariaDB with {@code userstat=1}), else the server's global {@code Com_commit}
   * (which counts every client of the server).
   */
  static long count(SendBench.Settings s, String user) throws Exception {
    try (Connection c = DriverManager.getConnection(s.server(), s.rootUser(), s.rootPassword());
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT COMMIT_TRANSACTIONS FROM information_schema.USER_STATISTICS WHERE USER = '"
                  + user
                  + "'")) {
        if (rs.next()) {
          return rs.getLong(1);
        }
      } catch (java.sql.SQLException notMariaDb) {
        // no user statistics on this server
      }
      try (ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_commit'")) {
        return rs.next() ? rs.getLong(2) : -1;
      }
    }
  }

  /** Which counter {@link #count} reads. */
  static String source(SendBench.Settings s, String user) throws Exception {
    try (Connection c = DriverManager.getConnection(s.server(), s.rootUser(), s.rootPassword());
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT COUNT(*) FROM information_schema.USER_STATISTICS WHERE USER = '"
                    + user
                    + "'")) {
      return rs.next() && rs.getLong(1) > 0
          ? "Herald's database user's COMMIT_TRANSACTIONS"
          : "server-wide Com_commit (every client of the server; userstat=1 gives Herald's own)";
    } catch (java.sql.SQLException e) {
      return "server-wide Com_commit (every client of the server)";
    }
  }
}
