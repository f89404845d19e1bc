package io.herald.bench.journeys;

import io.herald.bench.support.BenchSchema;
import io.herald.bench.support.CpuMeter;
import io.herald.bench.support.HeraldProcess;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bench/journeys (PERFORMANCE-NOTES T5b): a fresh schema, Herald from its distribution, one active
 * journey ({@code wait} delay → {@code done} exit) and N runs waiting at its delay, their timers
 * released at the same instant; Herald's timer pollers drain them (each timer: claim, the {@code
 * resumed} step, the exit step, the run's end, one transaction per step). In the same run, on the
 * same server, the raw claim loop of PERFORMANCE-NOTES §2.5 drains N rows of a bare timer table
 * ({@code SELECT … FOR UPDATE SKIP LOCKED LIMIT 100}, {@code DELETE}, commit) with 1 and 4 threads.
 * Prints the drain rates, the share of the raw loop (target ≥ 25%, ≥ 5,000 steps/s), and that every
 * run ended exactly once. Settings: bench/journeys/README.md.
 */
public final class JourneysBench {

  static final String SCHEMA = "herald_bench_journeys";
  private static final int RELEASE_CHUNK = 10_000;
  static final String USER = "herald_bench";
  static final String PASSWORD = "bench";
  static final String APP_KEY = "bench-app-key-0123456789";
  private static final DateTimeFormatter TEXT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private JourneysBench() {}

  public static void main(String[] args) throws Exception {
    Path distribution = Path.of(args[0]);
    Settings s = Settings.from(List.of(args).subList(1, args.length), System.getenv());
    BenchSchema.recreate(s.server(), s.rootUser(), s.rootPassword(), SCHEMA, USER, PASSWORD);
    Path dir = Files.createTempDirectory("bench-journeys");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> report = new ArrayList<>();
    try (HeraldProcess herald = start(s, distribution, port, dir)) {
      long journey = createJourney(port);
      if (s.crash()) {
        Path b = Files.createDirectories(dir.resolve("node-b"));
        int portB;
        try (ServerSocket socket = new ServerSocket(0)) {
          portB = socket.getLocalPort();
        }
        try (Connection c = DriverManager.getConnection(s.url(SCHEMA), USER, PASSWORD)) {
          CrashBench.run(c, journey, s, herald, () -> start(s, distribution, portB, b), report);
        }
        print("T5c, crash", report);
        return;
      }
      if (s.steady()) {
        try (Connection c = DriverManager.getConnection(s.url(SCHEMA), USER, PASSWORD)) {
          SteadyBench.run(c, journey, s, report);
        }
        return;
      }
      say("journey %d active; scheduling %,d runs waiting at its delay", journey, s.steps());
      try (Connection c = DriverManager.getConnection(s.url(SCHEMA), USER, PASSWORD)) {
        schedule(c, journey, s.steps());
        double[] raw = {RawClaimLoop.run(c, s.steps(), 1), RawClaimLoop.run(c, s.steps(), 4)};
        double[] fired = {
          RawClaimLoop.run(c, s.steps(), 1, true), RawClaimLoop.run(c, s.steps(), 4, true)
        };
        report.add(
            String.format(
                "Baseline: raw SKIP LOCKED claim loop (batches of 100, claim + delete + commit): %,.0f"
                    + " rows/s with 1 thread, %,.0f rows/s with 4%n"
                    + "Baseline (PERFORMANCE-NOTES §2.5: claim + delete + insert a fired row +"
                    + " commit): %,.0f rows/s with 1 thread, %,.0f rows/s with 4",
                raw[0], raw[1], fired[0], fired[1]));
        CpuMeter cpu =
            new CpuMeter(
                Map.of(
                    "herald",
                    herald.serverPid(),
                    "mysqld",
                    mysqldPid(),
                    "driver",
                    ProcessHandle.current().pid()));
        CpuMeter.Sample from = cpu.sample();
        double seconds = release(c, journey, s.steps());
        CpuMeter.Sample to = cpu.sample();
        double rate = s.steps() / seconds;
        double best = Math.max(raw[0], raw[1]);
        double bestFired = Math.max(fired[0], fired[1]);
        report.add(
            String.format(
                "T5b Herald: %,d journey steps due at once drained in %.1f s = %,.0f steps/s ="
                    + " %.0f%% of the §2.5 loop's best (target ≥ 25%% and ≥ 5,000 steps/s),"
                    + " %.0f%% of the bare claim + delete loop's best%n    %s",
                s.steps(),
                seconds,
                rate,
                100 * rate / bestFired,
                100 * rate / best,
                CpuMeter.describe(from, to)));
        report.add(exactlyOnce(c, journey, s.steps()));
      }
    } finally {
      try (Connection c = DriverManager.getConnection(s.server(), s.rootUser(), s.rootPassword());
          Statement st = c.createStatement()) {
        if (!"1".equals(System.getenv("BENCH_KEEP"))) {
          st.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        }
      }
    }
    print(s.steady() ? "T5a, steady" : s.steps() + " steps", report);
  }

  static void print(String title, List<String> report) {
    System.out.println();
    System.out.println("== bench/journeys (" + title + ") ==");
    report.forEach(System.out::println);
  }

  /** The journey every run is in: wait (a day) → done (exit); its id. */
  private static long createJourney(int port) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + port + "/v1/campaigns";
    HttpResponse<String> created =
        http.send(
            post(
                base,
                "{\"name\":\"Bench\",\"trigger\":{\"type\":\"api\"},\"nodes\":["
                    + "{\"id\":\"wait\",\"type\":\"delay\",\"settings\":{\"duration\":"
                    + "{\"value\":1,\"unit\":\"days\"}},\"next\":\"done\"},"
                    + "{\"id\":\"done\",\"type\":\"exit\"}]}"),
            HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 200) {
      throw new IllegalStateException("create: " + created.statusCode() + " " + created.body());
    }
    long id = Long.parseLong(created.body().replaceFirst("(?s).*\"id\":(\\d+).*", "$1"));
    HttpResponse<String> active =
        http.send(post(base + "/" + id + "/activate", ""), HttpResponse.BodyHandlers.ofString());
    if (active.statusCode() != 200) {
      throw new IllegalStateException("activate: " + active.statusCode() + " " + active.body());
    }
    return id;
  }

  private static HttpRequest post(String url, String body) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + APP_KEY)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /**
   * N runs waiting at {@code wait}, as the delay step leaves them, and their timers, held back (due
   * in 2100) until {@link #release}.
   */
  static void schedule(Connection c, long journey, int steps) throws Exception {
    long workspace;
    int version;
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT workspace_id, current_version FROM journeys_journey WHERE id = "
                    + journey)) {
      rs.next();
      workspace = rs.getLong(1);
      version = rs.getInt(2);
    }
    String now = TEXT.format(LocalDateTime.now(ZoneOffset.UTC));
    c.setAutoCommit(false);
    try (PreparedStatement run =
        c.prepareStatement(
            "INSERT INTO journeys_run (workspace_id, journey_id, version, cio_id, state, node,"
                + " waiting_cond, entered_at) VALUES (?, ?, ?, ?, 'active', 'wait', 0, ?)")) {
      for (int i = 0; i < steps; i++) {
        run.setLong(1, workspace);
        run.setLong(2, journey);
        run.setInt(3, version);
        run.setString(4, "bench" + i);
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
    try (Statement st = c.createStatement()) {
      st.executeUpdate(
          "INSERT INTO journeys_timer (workspace_id, journey_id, run_id, node, kind, due_at, held)"
              + " SELECT workspace_id, journey_id, id, 'wait', 'resume', '2100-01-01 00:00:00', 0"
              + " FROM journeys_run WHERE journey_id = "
              + journey);
      c.commit();
    }
    c.setAutoCommit(true);
  }

  /**
   * Makes every timer due at one instant a few seconds ahead and waits until every run has ended;
   * the seconds from that instant to the last run's end. The due time is set in chunks of {@value
   * #RELEASE_CHUNK} timers, each its own commit, all before the instant: one {@code UPDATE} of
   * 200,000 rows while the pollers' {@code SKIP LOCKED} scans pass them filled MariaDB's 128 MB
   * buffer pool with lock structures and crashed the server (signal 6, "Over 95 percent of the
   * buffer pool is occupied by lock heaps") in a two-node run.
   */
  static double release(Connection c, long journey, int steps) throws Exception {
    long[] ids = new long[2];
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT MIN(id), MAX(id) FROM journeys_timer WHERE journey_id = " + journey)) {
      rs.next();
      ids[0] = rs.getLong(1);
      ids[1] = rs.getLong(2);
    }
    // Ahead by what the chunks take at ~100,000 rows/s, plus margin.
    Instant due =
        Instant.now()
            .plusMillis(2_000 + steps / 50)
            .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    String at = TEXT.format(LocalDateTime.ofInstant(due, ZoneOffset.UTC));
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE journeys_timer SET due_at = '"
                + at
                + "' WHERE journey_id = ? AND id BETWEEN ? AND ?")) {
      for (long from = ids[0]; from <= ids[1]; from += RELEASE_CHUNK) {
        ps.setLong(1, journey);
        ps.setLong(2, from);
        ps.setLong(3, from + RELEASE_CHUNK - 1);
        ps.executeUpdate();
      }
    }
    Instant written = Instant.now();
    if (written.isAfter(due)) {
      say(
          "  the due time was written %d ms after it passed: measured from the last write",
          Duration.between(due, written).toMillis());
      due = written;
    }
    long untilDue = Duration.between(Instant.now(), due).toMillis();
    if (untilDue > 0) {
      Thread.sleep(untilDue);
    }
    long start = System.nanoTime();
    long deadline = start + 30L * 60 * 1_000_000_000;
    long ended = 0;
    long lastReport = start;
    while (ended < steps) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + ended + " runs ended in 30 minutes");
      }
      Thread.sleep(100);
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT COUNT(*) FROM journeys_run WHERE journey_id = "
                      + journey
                      + " AND state <> 'active'")) {
        rs.next();
        ended = rs.getLong(1);
      }
      if (System.nanoTime() - lastReport > 5_000_000_000L) {
        say("  %,d of %,d runs ended", ended, steps);
        lastReport = System.nanoTime();
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Every run ended once: one "resumed" step each, no timer left, every run ended. */
  static String exactlyOnce(Connection c, long journey, int steps) throws Exception {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT (SELECT COUNT(*) FROM journeys_step s JOIN journeys_run r ON r.id = s.run_id"
                    + " WHERE r.journey_id = "
                    + journey
                    + " AND s.outcome = 'resumed'),"
                    + " (SELECT COUNT(DISTINCT s.run_id) FROM journeys_step s JOIN journeys_run r"
                    + " ON r.id = s.run_id WHERE r.journey_id = "
                    + journey
                    + " AND s.outcome = 'resumed'),"
                    + " (SELECT COUNT(*) FROM journeys_timer WHERE journey_id = "
                    + journey
                    + "), (SELECT COUNT(*) FROM journeys_run WHERE journey_id = "
                    + journey
                    + " AND state <> 'active')")) {
      rs.next();
      return String.format(
          "Exactly once: %,d resumed steps for %,d distinct runs of %,d (duplicates: %,d), %,d"
              + " timers left, %,d runs ended",
          rs.getLong(1),
          rs.getLong(2),
          steps,
          rs.getLong(1) - rs.getLong(2),
          rs.getLong(3),
          rs.getLong(4));
    }
  }

  private static long mysqldPid() {
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .command()
                    .map(cmd -> cmd.endsWith("mariadbd") || cmd.endsWith("mysqld"))
                    .orElse(false))
        .map(ProcessHandle::pid)
        .findFirst()
        .orElse(-1L);
  }

  private static HeraldProcess start(Settings s, Path distribution, int port, Path dir)
      throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HERALD_DB_URL", s.server() + SCHEMA);
    env.put("HERALD_DB_USER", USER);
    env.put("HERALD_DB_PASSWORD", PASSWORD);
    env.put("HERALD_HTTP_PORT", Integer.toString(port));
    env.put("HERALD_DATA_DIR", dir.resolve("data").toString());
    env.put("HERALD_JAVA_HEAP", s.heap());
    env.put("HERALD_BOOTSTRAP_APP_API_KEY", APP_KEY);
    env.put("HERALD_BOOTSTRAP_ADMIN_PASSWORD", "bench-admin-password");
    System.getenv()
        .forEach(
            (k, v) -> {
              if (k.startsWith("HERALD_")) {
                env.putIfAbsent(k, v);
              }
            });
    if (s.crash()) {
      env.putIfAbsent("HERALD_JOURNEYS_LEASE_SECONDS", "10");
    }
    Path log = dir.resolve("herald.log");
    say("starting Herald on port %d (log: %s)", port, log);
    return HeraldProcess.start(distribution, env, log);
  }

  static void say(String format, Object... args) {
    System.out.println(
        "bench/journeys: " + String.format(format, args) + " [" + Instant.now() + "]");
  }
}
