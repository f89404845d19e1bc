package io.herald.bench.journeys;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * T5a (PERFORMANCE-NOTES): steady delayed steps. {@code waits} runs wait at the journey's delay
 * with timers spread over the next 48 hours; then for {@code minutes} minutes a producer adds
 * {@code rate} runs a second (ten ticks a second) whose timers fall due 1 to 3 s later. Lateness:
 * from a timer's due time to the {@code resumed} step Herald records in {@code journeys_step}.
 * Baseline, in the same run on the same server: the raw claim loop (§2.5) polling a bare timer
 * table holding the same far-future rows, fed the same way, at Herald's poll interval; its lateness
 * is from the due time to the claim's commit.
 */
final class SteadyBench {

  private static final DateTimeFormatter TEXT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private final Connection c;
  private final long journey;
  private final long workspace;
  private final int version;
  private final int rate;
  private final int minutes;
  private final int pollMillis;

  SteadyBench(Connection c, long journey, int rate, int minutes, int pollMillis)
      throws SQLException {
    this.c = c;
    this.journey = journey;
    this.rate = rate;
    this.minutes = minutes;
    this.pollMillis = pollMillis;
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT workspace_id, current_version FROM journeys_journey WHERE id = "
                    + journey)) {
      rs.next();
      workspace = rs.getLong(1);
      version = rs.getInt(2);
    }
  }

  /** T5a: far-future waits, a steady stream of steps due within seconds; p99 lateness. */
  static void run(Connection c, long journey, Settings s, List<String> report) throws Exception {
    int pollMillis =
        Integer.parseInt(System.getenv().getOrDefault("HERALD_JOURNEYS_POLL_MILLIS", "200"));
    SteadyBench bench = new SteadyBench(c, journey, s.rate(), s.minutes(), pollMillis);
    JourneysBench.say("T5a: scheduling %,d waits over the next 48 h", s.waits());
    bench.scheduleFar(s.waits());
    JourneysBench.say(
        "T5a baseline: the raw claim loop at a %d ms poll, %,d new timers/s for %d min",
        pollMillis, s.rate(), s.minutes());
    List<Long> raw = bench.baseline();
    JourneysBench.say(
        "T5a Herald: %,d new runs/s due within 1 to 3 s for %d min", s.rate(), s.minutes());
    List<String> checks = new ArrayList<>();
    List<Long> herald = bench.herald(checks);
    report.add(
        String.format(
            "T5a, %,d waits over 48 h + %,d steps/s due within seconds for %d min, %d ms poll:",
            s.waits(), s.rate(), s.minutes(), pollMillis));
    report.add("  Baseline raw claim loop lateness: " + percentiles(raw));
    report.add(
        "  Herald lateness (due → resumed step): "
            + percentiles(herald)
            + " (target p99 ≤ poll + 250 ms = "
            + (pollMillis + 250)
            + " ms)");
    report.addAll(checks);
    JourneysBench.print("T5a, steady", report);
  }

  /** The far-future waits: runs at the delay, timers due over the next 48 hours. */
  void scheduleFar(int waits) throws SQLException {
    String now = text(Instant.now());
    c.setAutoCommit(false);
    try (PreparedStatement run =
        c.prepareStatement(
            "INSERT INTO journeys_run (workspace_id, journey_id, version, cio_id, state, node,"
                + " waiting_cond, entered_at) VALUES (?, ?, ?, ?, 'active', 'wait', 0, ?)")) {
      for (int i = 0; i < waits; i++) {
        run.setLong(1, workspace);
        run.setLong(2, journey);
        run.setInt(3, version);
        run.setString(4, "far" + i);
        run.setString(5, now);
        run.addBatch();
        if (i % 5_000 == 4_999) {
          run.executeBatch();
          c.commit();
        }
      }
      run.executeBatch();
      c.commit();
    }
    // From 10 minutes on: none falls due while the bench measures.
    inChunks(
        "journeys_run",
        "INSERT INTO journeys_timer (workspace_id, journey_id, run_id, node, kind, due_at, held)"
            + " SELECT workspace_id, journey_id, id, 'wait', 'resume',"
            + " UTC_TIMESTAMP(3) + INTERVAL (600 + id % 172200) SECOND, 0"
            + " FROM journeys_run WHERE journey_id = "
            + journey);
    c.setAutoCommit(true);
  }

  /**
   * Runs an {@code INSERT … SELECT … WHERE …} over {@code table}'s rows 50,000 ids at a time, a
   * commit each: one statement over a million rows exceeds a small buffer pool's lock table.
   */
  private void inChunks(String table, String insertSelect) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      long min;
      long max;
      try (java.sql.ResultSet rs =
          st.executeQuery("SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), -1) FROM " + table)) {
        rs.next();
        min = rs.getLong(1);
        max = rs.getLong(2);
      }
      for (long from = min; from <= max; from += 50_000) {
        st.executeUpdate(insertSelect + " AND id >= " + from + " AND id < " + (from + 50_000));
        c.commit();
      }
    } finally {
      c.setAutoCommit(auto);
    }
  }

  /** The raw loop's lateness (ms, sorted) under the steady load. */
  List<Long> baseline() throws Exception {
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS bench_steady_timer");
      st.execute(
          "CREATE TABLE bench_steady_timer (id BIGINT NOT NULL AUTO_INCREMENT, run_id BIGINT NOT"
              + " NULL, due_at DATETIME(3) NOT NULL, held TINYINT(1) NOT NULL DEFAULT 0,"
              + " PRIMARY KEY (id), KEY ix_due (held, due_at)) ENGINE=InnoDB");
    }
    inChunks(
        "journeys_timer",
        "INSERT INTO bench_steady_timer (run_id, due_at) SELECT run_id, due_at"
            + " FROM journeys_timer WHERE journey_id = "
            + journey);
    AtomicBoolean producing = new AtomicBoolean(true);
    List<Long> lateness = Collections.synchronizedList(new ArrayList<>());
    Thread poller =
        new Thread(
            () -> {
              try (Connection p =
                  DriverManager.getConnection(
                      c.getMetaData().getURL(), JourneysBench.USER, JourneysBench.PASSWORD)) {
                rawPoller(p, producing, lateness);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    poller.start();
    produce(
        n -> {
          try (PreparedStatement ins =
              c.prepareStatement(
                  "INSERT INTO bench_steady_timer (run_id, due_at) VALUES "
                      + String.join(",", Collections.nCopies(n, "(0, ?)")))) {
            for (int i = 0; i < n; i++) {
              ins.setString(i + 1, text(dueSoon()));
            }
            ins.executeUpdate();
          }
        });
    Thread.sleep(5_000);
    producing.set(false);
    poller.join();
    List<Long> sorted = new ArrayList<>(lateness);
    Collections.sort(sorted);
    return sorted;
  }

  private void rawPoller(Connection p, AtomicBoolean producing, List<Long> lateness)
      throws Exception {
    p.setAutoCommit(false);
    while (producing.get()) {
      while (true) {
        List<Long> ids = new ArrayList<>();
        List<Instant> dues = new ArrayList<>();
        try (Statement q = p.createStatement();
            ResultSet rs =
                q.executeQuery(
                    "SELECT id, due_at FROM bench_steady_timer WHERE held = 0 AND due_at <="
                        + " UTC_TIMESTAMP(3) ORDER BY due_at LIMIT 100 FOR UPDATE SKIP LOCKED")) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
            dues.add(rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC));
          }
        }
        if (ids.isEmpty()) {
          p.commit();
          break;
        }
        try (Statement del = p.createStatement()) {
          StringBuilder in = new StringBuilder();
          ids.forEach(id -> in.append(in.length() == 0 ? "" : ",").append(id));
          del.executeUpdate("DELETE FROM bench_steady_timer WHERE id IN (" + in + ")");
        }
        p.commit();
        Instant done = Instant.now();
        dues.forEach(d -> lateness.add(done.toEpochMilli() - d.toEpochMilli()));
      }
      Thread.sleep(pollMillis);
    }
  }

  /** Herald's lateness (ms, sorted) under the steady load, and how many runs were produced. */
  List<Long> herald(List<String> checks) throws Exception {
    long[] last = {maxRunId()};
    long first = last[0];
    produce(
        n -> {
          c.setAutoCommit(false);
          try (PreparedStatement run =
              c.prepareStatement(
                  "INSERT INTO journeys_run (workspace_id, journey_id, version, cio_id, state,"
                      + " node, waiting_cond, trigger_data, entered_at) VALUES "
                      + String.join(
                          ",",
                          Collections.nCopies(
                              n, "(?, ?, ?, ?, 'active', 'wait', 0, ?, UTC_TIMESTAMP(3))")))) {
            for (int i = 0; i < n; i++) {
              run.setLong(5 * i + 1, workspace);
              run.setLong(5 * i + 2, journey);
              run.setInt(5 * i + 3, version);
              run.setString(5 * i + 4, "steady" + ThreadLocalRandom.current().nextInt(1 << 30));
              run.setString(5 * i + 5, "{\"due\":\"" + text(dueSoon()) + "\"}");
            }
            run.executeUpdate();
          }
          long max = maxRunId();
          try (Statement st = c.createStatement()) {
            st.executeUpdate(
                "INSERT INTO journeys_timer (workspace_id, journey_id, run_id, node, kind,"
                    + " due_at, held) SELECT workspace_id, journey_id, id, 'wait', 'resume',"
                    + " JSON_UNQUOTE(JSON_EXTRACT(trigger_data, '$.due')), 0 FROM journeys_run"
                    + " WHERE id > "
                    + last[0]
                    + " AND id <= "
                    + max);
          }
          c.commit();
          c.setAutoCommit(true);
          last[0] = max;
        });
    String steady = "journey_id = " + journey + " AND id > " + first;
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (count("SELECT COUNT(*) FROM journeys_run WHERE " + steady + " AND state = 'active'") > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    long produced = count("SELECT COUNT(*) FROM journeys_run WHERE " + steady);
    long resumed =
        count(
            "SELECT COUNT(*) FROM journeys_step s JOIN journeys_run r ON r.id = s.run_id WHERE r."
                + steady.replace(" AND id", " AND r.id")
                + " AND s.outcome = 'resumed'");
    long distinct =
        count(
            "SELECT COUNT(DISTINCT s.run_id) FROM journeys_step s JOIN journeys_run r ON r.id ="
                + " s.run_id WHERE r."
                + steady.replace(" AND id", " AND r.id")
                + " AND s.outcome = 'resumed'");
    long unrun =
        count("SELECT COUNT(*) FROM journeys_run WHERE " + steady + " AND state = 'active'");
    checks.add(
        String.format(
            "T5a exactly once: %,d steady runs, %,d resumed (duplicates: %,d, not run: %,d)",
            produced, resumed, resumed - distinct, unrun));
    List<Long> lateness = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT TIMESTAMPDIFF(MICROSECOND,"
                    + " JSON_UNQUOTE(JSON_EXTRACT(r.trigger_data, '$.due')), s.at)"
                    + " FROM journeys_step s JOIN journeys_run r ON r.id = s.run_id WHERE r."
                    + steady.replace(" AND id", " AND r.id")
                    + " AND s.outcome = 'resumed'")) {
      while (rs.next()) {
        lateness.add(rs.getLong(1) / 1000);
      }
    }
    Collections.sort(lateness);
    return lateness;
  }

  @FunctionalInterface
  private interface Tick {
    void add(int n) throws Exception;
  }

  /** Ten ticks a second for {@code minutes}: each adds rate/10 timers due 1 to 3 s later. */
  private void produce(Tick tick) throws Exception {
    int perTick = Math.max(1, rate / 10);
    long start = System.nanoTime();
    long end = start + minutes * 60_000_000_000L;
    for (long next = start; next < end; next += 100_000_000L) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      tick.add(perTick);
    }
  }

  private static Instant dueSoon() {
    return Instant.now().plusMillis(ThreadLocalRandom.current().nextLong(1_000, 3_000));
  }

  private long maxRunId() throws SQLException {
    return count("SELECT COALESCE(MAX(id), 0) FROM journeys_run");
  }

  private long count(String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String text(Instant at) {
    return TEXT.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
  }

  /** "p50 … ms, p99 … ms, max … ms (n)". */
  static String percentiles(List<Long> sorted) {
    if (sorted.isEmpty()) {
      return "no samples";
    }
    return String.format(
        "p50 %,d ms, p99 %,d ms, max %,d ms (%,d samples)",
        sorted.get(sorted.size() / 2),
        sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)),
        sorted.get(sorted.size() - 1),
        sorted.size());
  }
}
