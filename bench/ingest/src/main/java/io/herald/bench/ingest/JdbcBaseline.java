package io.herald.bench.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Baseline (a) of T1: the same rows Herald writes for a Pipelines track event, inserted by plain
 * JDBC batches of 1,000 ({@code rewriteBatchedStatements=true}, a commit per batch) into a copy of
 * {@code events_event} in the same schema, from 2 threads.
 */
final class JdbcBaseline {

  private final String url;
  private final String user;
  private final String password;

  JdbcBaseline(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** Inserts {@code rows} rows; returns the seconds it took. */
  double insert(long rows, int threads) throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_baseline");
      s.execute("CREATE TABLE bench_baseline LIKE events_event");
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> parts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long from = rows * t / threads;
      long to = rows * (t + 1) / threads;
      parts.add(
          pool.submit(
              () -> {
                write(from, to);
                return null;
              }));
    }
    for (Future<?> p : parts) {
      p.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return seconds;
  }

  private void write(long from, long to) throws SQLException {
    try (Connection c = connect();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO bench_baseline (workspace_id, person_cio_id, anonymous_id,"
                    + " object_type_id, object_id, dedupe_id, name, type, source, occurred_at,"
                    + " received_at, data, context) VALUES (?, ?, NULL, NULL, NULL, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?)")) {
      c.setAutoCommit(false);
      int inBatch = 0;
      for (long i = from; i < to; i++) {
        Timestamp now = Timestamp.from(Instant.now());
        insert.setLong(1, 1);
        insert.setString(2, String.format("%016x", i % 100_000));
        insert.setString(3, UUID.randomUUID().toString());
        insert.setString(4, "Order Completed");
        insert.setString(5, "event");
        insert.setString(6, "pipelines");
        insert.setTimestamp(7, now);
        insert.setTimestamp(8, now);
        insert.setString(9, Payloads.properties(i));
        insert.setString(10, Payloads.CONTEXT);
        insert.addBatch();
        if (++inBatch == 1000) {
          insert.executeBatch();
          c.commit();
          inBatch = 0;
        }
      }
      if (inBatch > 0) {
        insert.executeBatch();
        c.commit();
      }
    }
  }

  /** A few server settings the results depend on. */
  String settings() throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      try (var rs = s.executeQuery("SELECT VERSION()")) {
        rs.next();
        out.append("server ").append(rs.getString(1));
      }
      for (String v :
          List.of(
              "innodb_buffer_pool_size",
              "innodb_flush_log_at_trx_commit",
              "sync_binlog",
              "log_bin",
              "innodb_autoinc_lock_mode")) {
        try (var rs = s.executeQuery("SHOW GLOBAL VARIABLES LIKE '" + v + "'")) {
          if (rs.next()) {
            out.append(", ").append(v).append('=').append(rs.getString(2));
          }
        }
      }
    }
    return out.toString();
  }

  private Connection connect() throws SQLException {
    String separator = url.contains("?") ? "&" : "?";
    return DriverManager.getConnection(
        url + separator + "rewriteBatchedStatements=true", user, password);
  }
}
