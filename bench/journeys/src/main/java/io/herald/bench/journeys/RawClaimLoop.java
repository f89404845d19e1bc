package io.herald.bench.journeys;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The raw {@code SKIP LOCKED} claim loops the journey benchmarks compare Herald with. */
final class RawClaimLoop {

  private RawClaimLoop() {}

  /**
   * The raw claim loop on a bare copy of the timer table: {@code rows} due rows drained by {@code
   * threads} threads, each claiming 100 with {@code SKIP LOCKED}, deleting them, committing;
   * rows/s. With {@code fired}, PERFORMANCE-NOTES §2.5's loop: each batch also inserts a row per
   * claimed timer into a {@code fired} table (one multi-row {@code INSERT}) before its commit.
   */
  static double run(Connection setup, int rows, int threads) throws Exception {
    return run(setup, rows, threads, false);
  }

  static double run(Connection setup, int rows, int threads, boolean fired) throws Exception {
    try (Statement st = setup.createStatement()) {
      st.execute("DROP TABLE IF EXISTS bench_raw_timer");
      st.execute("DROP TABLE IF EXISTS bench_raw_fired");
      st.execute(
          "CREATE TABLE bench_raw_fired (id BIGINT NOT NULL AUTO_INCREMENT, timer_id BIGINT NOT"
              + " NULL, run_id BIGINT NOT NULL, fired_at DATETIME(3) NOT NULL, PRIMARY KEY (id))"
              + " ENGINE=InnoDB");
      st.execute(
          "CREATE TABLE bench_raw_timer (id BIGINT NOT NULL AUTO_INCREMENT, run_id BIGINT NOT NULL,"
              + " due_at DATETIME(3) NOT NULL, held TINYINT(1) NOT NULL DEFAULT 0,"
              + " PRIMARY KEY (id), KEY ix_due (held, due_at)) ENGINE=InnoDB");
      st.execute(
          "INSERT INTO bench_raw_timer (run_id, due_at) SELECT id, UTC_TIMESTAMP(3)"
              + " FROM journeys_run ORDER BY id LIMIT "
              + rows);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    java.util.concurrent.atomic.AtomicLong deadlocks = new java.util.concurrent.atomic.AtomicLong();
    long start = System.nanoTime();
    List<Future<Long>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(
          pool.submit(
              () -> {
                long claimed = 0;
                try (Connection c =
                    DriverManager.getConnection(
                        setup.getMetaData().getURL(), JourneysBench.USER, JourneysBench.PASSWORD)) {
                  c.setAutoCommit(false);
                  while (true) {
                    List<Long> ids = new ArrayList<>(100);
                    List<Long> runs = new ArrayList<>(100);
                    try (PreparedStatement q =
                        c.prepareStatement(
                            "SELECT id, run_id FROM bench_raw_timer WHERE held = 0 AND due_at <="
                                + " UTC_TIMESTAMP(3) ORDER BY due_at LIMIT 100 FOR UPDATE SKIP"
                                + " LOCKED")) {
                      try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                          ids.add(rs.getLong(1));
                          runs.add(rs.getLong(2));
                        }
                      }
                    }
                    if (ids.isEmpty()) {
                      c.commit();
                      return claimed;
                    }
                    StringBuilder in = new StringBuilder();
                    for (Long id : ids) {
                      in.append(in.length() == 0 ? "" : ",").append(id);
                    }
                    try (Statement del = c.createStatement()) {
                      del.executeUpdate("DELETE FROM bench_raw_timer WHERE id IN (" + in + ")");
                      if (fired) {
                        StringBuilder values = new StringBuilder();
                        for (int i = 0; i < ids.size(); i++) {
                          values
                              .append(i == 0 ? "" : ",")
                              .append('(')
                              .append(ids.get(i))
                              .append(',')
                              .append(runs.get(i))
                              .append(",UTC_TIMESTAMP(3))");
                        }
                        del.executeUpdate(
                            "INSERT INTO bench_raw_fired (timer_id, run_id, fired_at) VALUES "
                                + values);
                      }
                      c.commit();
                      claimed += ids.size();
                    } catch (java.sql.SQLTransactionRollbackException deadlock) {
                      // InnoDB picked this claim as a deadlock victim: its rows go back, try again.
                      c.rollback();
                      deadlocks.incrementAndGet();
                    }
                  }
                }
              }));
    }
    long total = 0;
    for (Future<Long> f : done) {
      total += f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    JourneysBench.say(
        "raw loop%s, %d thread(s): %,d rows in %.2f s (%d deadlocks retried)",
        fired ? " with fired rows" : "", threads, total, seconds, deadlocks.get());
    return total / seconds;
  }
}
