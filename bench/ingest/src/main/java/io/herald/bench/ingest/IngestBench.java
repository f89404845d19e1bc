package io.herald.bench.ingest;

import io.herald.bench.support.CpuMeter;
import io.herald.bench.support.HeraldProcess;
import io.herald.bench.support.InnodbQuiesce;
import io.herald.bench.support.JitWatch;
import io.herald.bench.support.KeepAliveHttp;
import io.herald.bench.support.Load;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.ClassicHttpRequest;

/**
 * bench/ingest: starts Herald from its distribution on a fresh schema of a MySQL/MariaDB server,
 * then measures, in one run on the same database and JVM settings:
 *
 * <ul>
 *   <li>baseline (a): plain JDBC batch insert of the rows a track event becomes;
 *   <li>T1: Pipelines {@code /v1/batch} with 100 track events per request (after identifying the
 *       people), acknowledged after commit: events/s, p99, commits per event, and that every
 *       acknowledged event is stored;
 *   <li>T2: single Track calls (event, identify) beside the no-op JAX-RS endpoint on the same
 *       server.
 * </ul>
 *
 * Settings come from the environment (see bench/ingest/README.md).
 */
public final class IngestBench {

  private static final String SITE_ID = "benchsite";
  private static final String TRACK_KEY = "bench-track-key-0123456789";
  private static final String APP_KEY = "bench-app-key-0123456789";
  private static final String WRITE_KEY = "bench-write-key-0123456789";

  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    Path distribution = Path.of(args.length > 0 ? args[0] : "platform/launcher/target/herald");
    String server = env.getOrDefault("BENCH_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
    String rootUser = env.getOrDefault("BENCH_DB_USER", "root");
    String rootPassword = env.getOrDefault("BENCH_DB_PASSWORD", "");
    long events = Long.parseLong(env.getOrDefault("BENCH_EVENTS", "1000000"));
    long people = Long.parseLong(env.getOrDefault("BENCH_PEOPLE", "100000"));
    int batch = Integer.parseInt(env.getOrDefault("BENCH_BATCH", "100"));
    int t1Clients = Integer.parseInt(env.getOrDefault("BENCH_T1_CLIENTS", "16"));
    Duration pacedTime =
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("BENCH_T1_PACED_SECONDS", "30")));
    int t2Clients = Integer.parseInt(env.getOrDefault("BENCH_T2_CLIENTS", "64"));
    Duration t2Time =
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("BENCH_T2_SECONDS", "20")));

    Duration t2WarmUp =
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("BENCH_T2_WARMUP_SECONDS", "30")));
    long catchUpSeconds = Long.parseLong(env.getOrDefault("BENCH_CATCHUP_SECONDS", "300"));
    String schema = env.getOrDefault("BENCH_SCHEMA", "herald_bench");
    if (!schema.matches("[A-Za-z0-9_]{1,64}")) {
      throw new IllegalArgumentException("BENCH_SCHEMA must be a plain schema name: " + schema);
    }
    String heraldUser = env.getOrDefault("BENCH_HERALD_USER", "herald_bench");
    if (!heraldUser.matches("[A-Za-z0-9_]{1,32}")) {
      throw new IllegalArgumentException(
          "BENCH_HERALD_USER must be a plain user name: " + heraldUser);
    }
    String schemaUrl = server + schema;
    try (Connection c = DriverManager.getConnection(server, rootUser, rootPassword);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + schema);
      s.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
      for (String host : List.of("localhost", "127.0.0.1", "%")) {
        s.execute(
            "CREATE USER IF NOT EXISTS '" + heraldUser + "'@'" + host + "' IDENTIFIED BY 'bench'");
        s.execute("GRANT ALL ON " + schema + ".* TO '" + heraldUser + "'@'" + host + "'");
      }
    }
    int port = freePort();
    Path data = Files.createTempDirectory("herald-bench-");
    Map<String, String> heraldEnv = new LinkedHashMap<>();
    heraldEnv.put("HERALD_DB_URL", schemaUrl);
    heraldEnv.put("HERALD_DB_USER", heraldUser);
    heraldEnv.put("HERALD_DB_PASSWORD", "bench");
    heraldEnv.put("HERALD_HTTP_PORT", Integer.toString(port));
    heraldEnv.put("HERALD_DATA_DIR", data.toString());
    heraldEnv.put("HERALD_JAVA_HEAP", env.getOrDefault("BENCH_HEAP", "1g"));
    heraldEnv.put("HERALD_BENCH_NOOP_ENDPOINT", "true");
    heraldEnv.put("HERALD_BOOTSTRAP_SITE_ID", SITE_ID);
    heraldEnv.put("HERALD_BOOTSTRAP_TRACK_API_KEY", TRACK_KEY);
    heraldEnv.put("HERALD_BOOTSTRAP_APP_API_KEY", APP_KEY);
    heraldEnv.put("HERALD_BOOTSTRAP_WRITE_KEY", WRITE_KEY);
    heraldEnv.put("HERALD_BOOTSTRAP_ADMIN_PASSWORD", "bench-admin-password");
    env.forEach(
        (k, v) -> {
          if (k.startsWith("HERALD_INGEST_") || k.equals("HERALD_JAVA_OPTS")) {
            heraldEnv.put(k, v);
          }
        });

    JdbcBaseline jdbc = new JdbcBaseline(schemaUrl, heraldUser, "bench");
    CommitCounter commitCounter = new CommitCounter(server, rootUser, rootPassword, heraldUser);
    List<String> report = new ArrayList<>();
    Path log = data.resolve("herald.log");
    System.out.println("bench: starting Herald on port " + port + " (log: " + log + ")");
    try (HeraldProcess herald = HeraldProcess.start(distribution, heraldEnv, log)) {
      Map<String, Long> pids = new LinkedHashMap<>();
      pids.put("herald", herald.serverPid());
      long mysqld = CpuMeter.findProcess("mariadbd");
      pids.put("mysqld", mysqld > 0 ? mysqld : CpuMeter.findProcess("mysqld"));
      pids.put("driver", ProcessHandle.current().pid());
      CpuMeter cpu = new CpuMeter(pids);
      report.add("database: " + jdbc.settings());
      report.add(
          "herald: heap "
              + heraldEnv.get("HERALD_JAVA_HEAP")
              + ", ingest writers "
              + heraldEnv.getOrDefault("HERALD_INGEST_WRITERS", "2 (default)")
              + (heraldEnv.containsKey("HERALD_JAVA_OPTS")
                  ? ", JVM options " + heraldEnv.get("HERALD_JAVA_OPTS")
                  : "")
              + "; JDBC: mysql-connector-j; the baseline batches with rewriteBatchedStatements=true,"
              + " Herald writes multi-row INSERT statements of up to 256 rows");

      // Baseline (a): plain JDBC.
      CpuMeter.Sample before = cpu.sample();
      double jdbcSeconds = jdbc.insert(events, 2);
      double jdbcRate = events / jdbcSeconds;
      report.add(
          String.format(
              "baseline JDBC batch insert: %,d rows in %.1f s = %,.0f rows/s (2 threads, 1000 per"
                  + " batch) | %s",
              events, jdbcSeconds, jdbcRate, CpuMeter.describe(before, cpu.sample())));

      String base = "http://127.0.0.1:" + port + "/";
      String writeAuth = basic(WRITE_KEY + ":");
      String trackAuth = basic(SITE_ID + ":" + TRACK_KEY);
      Load load = new Load();

      // People first: T1 measures events for known people.
      before = cpu.sample();
      Load.Result identified =
          load.run(
              t1Clients,
              (people + batch - 1) / batch,
              Duration.ZERO,
              i -> post(base + "v1/batch", writeAuth, Payloads.identifyBatch(i * batch, batch)));
      report.add(
          String.format(
              "identify via /v1/batch: %,d people in %.1f s = %,.0f people/s, p99 %.1f ms,"
                  + " failures %d %s| %s",
              people,
              identified.seconds(),
              people / identified.seconds(),
              identified.p99Millis(),
              identified.failures(),
              failureNote(identified),
              CpuMeter.describe(before, cpu.sample())));

      // T1.
      String run = "r" + System.currentTimeMillis();
      long requests = events / batch;
      CommitCounter.Reading commitsBefore = commitCounter.read();
      before = cpu.sample();
      Load.Result t1 =
          load.run(
              t1Clients,
              requests,
              Duration.ZERO,
              i ->
                  post(
                      base + "v1/batch",
                      writeAuth,
                      Payloads.trackBatch(run, i * batch, batch, people)));
      CpuMeter.Sample after = cpu.sample();
      CommitCounter.Reading commitsAfter = commitCounter.read();
      long acknowledged = (t1.requests() - t1.failures()) * batch;
      long stored =
          count(
              schemaUrl,
              heraldUser,
              "SELECT COUNT(*) FROM events_event WHERE dedupe_id LIKE '" + run + "-%'");
      double t1Rate = acknowledged / t1.seconds();
      report.add(
          String.format(
              "T1 /v1/batch x%d, %d clients: %,d events in %.1f s = %,.0f events/s = %.0f%% of"
                  + " JDBC (target >= 30%%, stretch 50%%); p50 %.1f ms, p99 %.1f ms (target <= 50);"
                  + " %s; failures %d %s| %s",
              batch,
              t1Clients,
              acknowledged,
              t1.seconds(),
              t1Rate,
              100 * t1Rate / jdbcRate,
              t1.p50Millis(),
              t1.p99Millis(),
              CommitCounter.describe(commitsBefore, commitsAfter, acknowledged),
              t1.failures(),
              failureNote(t1),
              CpuMeter.describe(before, after)));
      report.add(
          String.format(
              "T1 durability: %,d events acknowledged, %,d stored%s",
              acknowledged, stored, stored >= acknowledged ? " (none lost)" : " (LOST EVENTS)"));
      double caughtUp = catchUp(schemaUrl, heraldUser, Duration.ofSeconds(catchUpSeconds));
      CommitCounter.Reading commitsCaughtUp = commitCounter.read();
      report.add(
          String.format(
              "T1 with the change-feed consumers' catch-up (%s): %s",
              caughtUp < 0
                  ? "NOT caught up after " + catchUpSeconds + " s"
                  : String.format("at the last event %.1f s after T1", caughtUp),
              CommitCounter.describe(commitsBefore, commitsCaughtUp, acknowledged)));

      // T1 paced: the latency at the target throughput (see PacedT1).
      report.addAll(
          PacedT1.run(
              load,
              cpu,
              pacedShares(env),
              jdbcRate,
              batch,
              people,
              t1Clients,
              pacedTime,
              base + "v1/batch",
              writeAuth));

      // T2, from a quiet InnoDB: T1's dirty pages flushed, so that T2 does not pay for them.
      if (!t2Time.isZero()) {
        try (Connection c = DriverManager.getConnection(server, rootUser, rootPassword)) {
          report.add("T2: " + InnodbQuiesce.await(c, Duration.ofMinutes(5)).describe());
        }
      }
      if (t2Time.isZero()) {
        report.add("T2: skipped (BENCH_T2_SECONDS=0)");
      } else if (!"java".equals(env.get("BENCH_T2_DRIVER")) && WrkLoad.available()) {
        T2Phase.wrk(
            report,
            cpu,
            new WrkLoad(base, people),
            trackAuth,
            t2Time,
            t2WarmUp,
            JitWatch.of(herald.serverPid()),
            new PairedShares.Plan(
                Integer.parseInt(env.getOrDefault("BENCH_T2_PAIRS", "5")),
                Duration.ofSeconds(
                    Long.parseLong(env.getOrDefault("BENCH_T2_PAIR_SECONDS", "6")))));
        report.add(
            "T2 driver: wrk (set BENCH_T2_DRIVER=java for the JDK client driver of earlier runs)");
      } else {
        T2Phase.java(report, cpu, load, base, trackAuth, people, t2Clients, t2Time, t2WarmUp);
      }
    }
    System.out.println();
    System.out.println("=== bench/ingest results ===");
    report.forEach(System.out::println);
    if (!"1".equals(env.get("BENCH_KEEP"))) {
      try (Connection c = DriverManager.getConnection(server, rootUser, rootPassword);
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + schema);
      }
    }
  }

  /** The paced T1 levels, as shares of the baseline: 30% and 50% (none when the time is 0). */
  private static List<Double> pacedShares(Map<String, String> env) {
    return "0".equals(env.get("BENCH_T1_PACED_SECONDS")) ? List.of() : List.of(0.30, 0.50);
  }

  static String failureNote(Load.Result r) {
    return r.failures() == 0 ? "" : "(first: " + abbreviate(r.firstFailure()) + ") ";
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  static ClassicHttpRequest post(String url, String authorization, String body) {
    return KeepAliveHttp.post(url, authorization, body);
  }

  private static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  private static long count(String url, String user, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, "bench");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Waits until every consumer of the events change feed (segments, journeys) has stored a position
   * at or past the last event; returns the seconds it took, or -1 after {@code patience}.
   */
  private static double catchUp(String url, String user, Duration patience) throws Exception {
    long start = System.nanoTime();
    long deadline = start + patience.toNanos();
    while (System.nanoTime() < deadline) {
      long behind =
          count(
              url,
              user,
              "SELECT COUNT(*) FROM events_feed_cursor"
                  + " WHERE position < (SELECT COALESCE(MAX(id), 0) FROM events_event)");
      long consumers = count(url, user, "SELECT COUNT(*) FROM events_feed_cursor");
      if (consumers > 0 && behind == 0) {
        return (System.nanoTime() - start) / 1e9;
      }
      Thread.sleep(500);
    }
    return -1;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
