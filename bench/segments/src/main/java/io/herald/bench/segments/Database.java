package io.herald.bench.segments;

import io.herald.bench.support.InnodbQuiesce;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark's schema on the server: created afresh for each run, with a user Herald and the
 * driver share, and a few helpers for single-value queries.
 */
final class Database {

  static final String USER = "herald_bench";
  static final String PASSWORD = "bench";

  private final Settings settings;

  Database(Settings settings) {
    this.settings = settings;
  }

  /** Drops and creates the schema and lets {@link #USER} use it. */
  void recreate() throws SQLException {
    try (Connection c = root();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + Settings.SCHEMA);
      s.execute(
          "CREATE DATABASE " + Settings.SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      for (String host : List.of("localhost", "127.0.0.1", "%")) {
        s.execute(
            "CREATE USER IF NOT EXISTS '"
                + USER
                + "'@'"
                + host
                + "' IDENTIFIED BY '"
                + PASSWORD
                + "'");
        s.execute("GRANT ALL ON " + Settings.SCHEMA + ".* TO '" + USER + "'@'" + host + "'");
      }
    }
  }

  /** The data set an earlier run kept ({@code BENCH_KEEP=1}), as its {@code bench_meta} says. */
  record Kept(Instant generatedAt, long people, long events, long objects, long relationships) {}

  /** The kept data set, when the schema holds one. */
  Optional<Kept> kept() throws SQLException {
    try (Connection c = root();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                    + Settings.SCHEMA
                    + "' AND table_name = 'bench_meta'")) {
      rs.next();
      if (rs.getLong(1) == 0) {
        return Optional.empty();
      }
    }
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT generated_at, people, events, objects, relationships FROM bench_meta")) {
      return rs.next()
          ? Optional.of(
              new Kept(
                  Instant.ofEpochSecond(rs.getLong(1)),
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getLong(4),
                  rs.getLong(5)))
          : Optional.empty();
    }
  }

  /**
   * The feed position just before the next event: the larger of the last event's id and the table's
   * {@code AUTO_INCREMENT} less one. Deleted events (a reuse's probes) or ids the server reserved
   * but did not use leave the next id above {@code MAX(id) + 1}, and a position below the gap would
   * read it as an unsettled hole and hold every new event back for the feed's settle time (30 s).
   * The generator and a reuse both use it.
   */
  static final String END_OF_EVENTS =
      "GREATEST((SELECT COALESCE(MAX(id), 0) FROM events_event),"
          + " (SELECT COALESCE(MAX(AUTO_INCREMENT), 1) - 1 FROM information_schema.TABLES"
          + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'events_event'))";

  /**
   * Removes what an earlier run's Herald computed (segments, memberships, journals, timers,
   * rebuilds) and every event the earlier runs sent (probes and live events: those with an id above
   * the generated set's {@code generatedEvents}), and moves the engines' feed positions to the end,
   * so a reused data set starts as a fresh one does. Until 2026-12-05 only the probes were removed:
   * each throughput phase left about a million events behind, and after three runs the events table
   * alone (8.4 million rows, 3.7 GB with its indexes) no longer fitted the 4 GB buffer pool and
   * both throughput phases ran at about half their rate.
   *
   * @return the number of events removed
   */
  long clearSegments(long generatedEvents) throws SQLException {
    long removed = 0;
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String table :
          List.of(
              "segments_membership_change",
              "segments_membership",
              "segments_rebuild_match",
              "segments_rebuild_timer",
              "segments_rebuild",
              "segments_recheck",
              "segments_recheck_request",
              "segments_segment")) {
        s.execute("DELETE FROM " + table);
      }
      // The generator wrote the first generatedEvents ids; later ones are earlier runs' live events
      // and probes (T3's probes need people who never performed a probe event). In chunks: one
      // statement of millions of rows would hold its undo log for minutes.
      long lastGenerated =
          generatedEvents == 0
              ? 0
              : number(
                  "SELECT COALESCE((SELECT id FROM events_event ORDER BY id LIMIT 1 OFFSET ?), 0)",
                  generatedEvents - 1);
      if (lastGenerated > 0) {
        int deleted;
        do {
          deleted =
              s.executeUpdate(
                  "DELETE FROM events_event WHERE id > "
                      + lastGenerated
                      + " ORDER BY id LIMIT 50000");
          removed += deleted;
        } while (deleted > 0);
      }
      s.execute(
          "UPDATE events_feed_cursor SET position = "
              + END_OF_EVENTS
              + " WHERE consumer IN ('"
              + String.join("', '", DataGenerator.HISTORY_CONSUMERS)
              // the segments engine's other partitions of the events feed (since 2026-12-05)
              + "') OR consumer LIKE 'segments.%'");
    }
    return removed;
  }

  void drop() throws SQLException {
    try (Connection c = root();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + Settings.SCHEMA);
    }
  }

  /**
   * Sets the InnoDB buffer pool when {@link Settings#bufferPool()} asks for it (a global, dynamic
   * server setting; it stays after the run). Returns what was done, for the report.
   */
  String applyBufferPool() throws SQLException {
    if (settings.bufferPool().isBlank()) {
      return "";
    }
    long bytes = bytes(settings.bufferPool());
    try (Connection c = root();
        Statement s = c.createStatement()) {
      s.execute("SET GLOBAL innodb_buffer_pool_size = " + bytes);
    }
    return "set innodb_buffer_pool_size=" + bytes + " (BENCH_BUFFER_POOL)";
  }

  /** A connection to the schema as {@link #USER}, with batched statements rewritten. */
  Connection connect() throws SQLException {
    String url = settings.schemaUrl();
    String separator = url.contains("?") ? "&" : "?";
    return DriverManager.getConnection(
        url + separator + "rewriteBatchedStatements=true", USER, PASSWORD);
  }

  /** The first column of the first row of {@code sql} as a number (0 when NULL). */
  long number(String sql, Object... parameters) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** Whether a table of this name exists in the schema. */
  boolean hasTable(String table) throws SQLException {
    return number(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
            Settings.SCHEMA,
            table)
        > 0;
  }

  /** The columns of a table of the schema, in order; empty when there is no such table. */
  List<String> columns(String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND"
                    + " table_name = ? ORDER BY ordinal_position")) {
      s.setString(1, Settings.SCHEMA);
      s.setString(2, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    return out;
  }

  /** The one workspace Herald bootstrapped. */
  long workspaceId() throws SQLException {
    return number("SELECT MIN(id) FROM workspace_workspace");
  }

  /** Server version and the settings the results depend on. */
  String describe() throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT VERSION()")) {
        rs.next();
        out.append("server ").append(rs.getString(1));
      }
      for (String v :
          List.of(
              "innodb_buffer_pool_size",
              "innodb_log_file_size",
              "innodb_io_capacity",
              "innodb_max_dirty_pages_pct",
              "innodb_flush_log_at_trx_commit",
              "sync_binlog",
              "log_bin",
              "binlog_format")) {
        try (ResultSet rs = s.executeQuery("SHOW GLOBAL VARIABLES LIKE '" + v + "'")) {
          if (rs.next()) {
            out.append(", ").append(v).append('=').append(rs.getString(2));
          }
        }
      }
    }
    return out.toString();
  }

  /** The buffer pool size in bytes. */
  long bufferPoolBytes() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT @@innodb_buffer_pool_size")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Flushes the dirty pages earlier phases left before a measured phase ({@link InnodbQuiesce}), as
   * the server's root user (it sets global variables).
   */
  InnodbQuiesce.Result quiesce() throws SQLException {
    try (Connection c = root()) {
      return InnodbQuiesce.await(c, java.time.Duration.ofMinutes(5));
    }
  }

  private Connection root() throws SQLException {
    return DriverManager.getConnection(
        settings.server(), settings.rootUser(), settings.rootPassword());
  }

  private static long bytes(String size) {
    String s = size.trim().toUpperCase(java.util.Locale.ROOT);
    long unit = 1;
    char last = s.charAt(s.length() - 1);
    if (last == 'K' || last == 'M' || last == 'G') {
      unit = last == 'K' ? 1L << 10 : last == 'M' ? 1L << 20 : 1L << 30;
      s = s.substring(0, s.length() - 1);
    }
    return Long.parseLong(s) * unit;
  }
}
