package io.herald.bench.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Commit counters read around a measured phase: the server's {@code Com_commit} (every client's
 * explicit {@code COMMIT}s, so other load on the server counts too) and, when MariaDB's user
 * statistics are on ({@code SET GLOBAL userstat=1}), Herald's own user's {@code
 * COMMIT_TRANSACTIONS} from {@code information_schema.USER_STATISTICS}. The latter counts storage
 * engine commits: one for every InnoDB statement run in auto-commit mode (reads included) and, in
 * an explicit transaction, one per statement plus one for the {@code COMMIT}; an empty transaction
 * counts nothing. It is therefore higher than Herald's share of {@code Com_commit}, but only
 * Herald's.
 */
final class CommitCounter {

  /**
   * The counters at one moment.
   *
   * @param server the server-wide {@code Com_commit}
   * @param user the Herald user's {@code COMMIT_TRANSACTIONS}, or -1 without user statistics
   */
  record Reading(long server, long user) {}

  private final String serverUrl;
  private final String rootUser;
  private final String rootPassword;
  private final String heraldUser;

  CommitCounter(String serverUrl, String rootUser, String rootPassword, String heraldUser) {
    this.serverUrl = serverUrl;
    this.rootUser = rootUser;
    this.rootPassword = rootPassword;
    this.heraldUser = heraldUser;
  }

  /** Reads both counters. */
  Reading read() throws SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl, rootUser, rootPassword);
        Statement s = c.createStatement()) {
      long server;
      try (ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_commit'")) {
        rs.next();
        server = rs.getLong(2);
      }
      return new Reading(server, userCommits(c, s));
    }
  }

  private long userCommits(Connection c, Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SHOW GLOBAL VARIABLES LIKE 'userstat'")) {
      if (!rs.next() || !"ON".equalsIgnoreCase(rs.getString(2))) {
        return -1;
      }
    }
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT COMMIT_TRANSACTIONS FROM information_schema.USER_STATISTICS WHERE USER = ?")) {
      q.setString(1, heraldUser);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /**
   * Describes the commits per event between two readings: Herald's own (user statistics) when
   * available, else says that only the server-wide figure exists, then the server-wide figure.
   */
  static String describe(Reading before, Reading after, long events) {
    double perEvent = (double) (after.server() - before.server()) / Math.max(1, events);
    String server =
        String.format("%.4f commits/event server-wide (Com_commit, target <= 0.02)", perEvent);
    if (before.user() < 0 || after.user() < 0) {
      return server + "; Herald's own: n/a (userstat off: SET GLOBAL userstat=1)";
    }
    double own = (double) (after.user() - before.user()) / Math.max(1, events);
    return String.format(
        "Herald's own %.4f engine commits/event (userstat COMMIT_TRANSACTIONS: every auto-commit"
            + " InnoDB statement + every transaction's statements and COMMIT); %s",
        own, server);
  }
}
