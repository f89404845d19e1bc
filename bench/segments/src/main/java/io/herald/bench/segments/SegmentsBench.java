package io.herald.bench.segments;

import io.herald.bench.support.CpuMeter;
import io.herald.bench.support.HeraldProcess;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * bench/segments: creates a fresh schema, lets Herald migrate it, fills it with the {@link
 * Synthetic} data set (people, events, objects, relationships) by plain JDBC, then measures on the
 * same database in one run:
 *
 * <ul>
 *   <li>T4: the full recomputation of five representative segments beside the hand-written SQL for
 *       the same members ({@link FullRecompute}), and the build time of the 50 active segments;
 *   <li>T3: the delay from an event's commit to the membership change at a fixed event rate, the
 *       slowest ingest request while a rebuild runs ({@link RealTime}), and ingestion throughput
 *       with real-time evaluation on and off ({@link Throughput}).
 * </ul>
 *
 * Settings come from the command line ({@code --small}) and the environment (see
 * bench/segments/README.md). Exits with status 1 when a membership comparison fails.
 */
public final class SegmentsBench {

  private SegmentsBench() {}

  public static void main(String[] args) throws Exception {
    List<String> arguments = new ArrayList<>(Arrays.asList(args));
    Path distribution =
        Path.of(
            !arguments.isEmpty() && !arguments.get(0).startsWith("--")
                ? arguments.remove(0)
                : "platform/launcher/target/herald");
    Settings settings = Settings.from(arguments, System.getenv());
    Database database = new Database(settings);
    List<String> report = new ArrayList<>();
    String pool = database.applyBufferPool();
    int port = freePort();
    Path dir = Files.createTempDirectory("herald-bench-segments-");
    System.out.println("bench: Herald data and logs in " + dir);

    Optional<Database.Kept> kept = settings.reuse() ? database.kept() : Optional.empty();
    long workspaceId;
    Instant now;
    Synthetic data;
    if (kept.isPresent()) {
      // BENCH_REUSE=1: the data set of an earlier run (BENCH_KEEP=1), Herald's segments cleared.
      try (HeraldProcess herald =
          start(settings, distribution, port, dir, Map.of(), "herald-migrate.log")) {
        workspaceId = database.workspaceId();
      }
      long removed = database.clearSegments(kept.get().events());
      now = kept.get().generatedAt();
      data = new Synthetic(kept.get().people(), (int) kept.get().objects(), now);
      report.add("database: " + database.describe() + (pool.isEmpty() ? "" : "; " + pool));
      report.add(
          String.format(
              "data: reused (BENCH_REUSE) from %s: %,d people, %,d events, %,d companies, %,d"
                  + " relationships; segments and %,d events of earlier runs cleared",
              now,
              kept.get().people(),
              kept.get().events(),
              kept.get().objects(),
              kept.get().relationships(),
              removed));
    } else {
      database.recreate();
      // Herald creates the tables and the workspace; the data set goes in while it is stopped.
      try (HeraldProcess herald =
          start(settings, distribution, port, dir, Map.of(), "herald-migrate.log")) {
        workspaceId = database.workspaceId();
      }
      now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      data = new Synthetic(settings.people(), settings.companies(), now);
      System.out.printf(
          "bench: generating %,d people, %,d events, %,d companies%n",
          settings.people(), settings.events(), settings.companies());
      DataGenerator.Loaded loaded =
          new DataGenerator(database, workspaceId, data).generate(settings.events());
      report.add("database: " + database.describe() + (pool.isEmpty() ? "" : "; " + pool));
      report.add(
          String.format(
              "data: %,d people (10 attributes), %,d events (20 names, 90 days), %,d companies,"
                  + " %,d person-company relationships, written in %.1f s by JDBC batches",
              loaded.people(),
              loaded.events(),
              loaded.objects(),
              loaded.relationships(),
              loaded.seconds()));
    }
    if (database.bufferPoolBytes() < 4L << 30) {
      report.add(
          "note: the buffer pool is under 4 GB (PERFORMANCE-NOTES §7 asks for >= 4 GB for T3/T4;"
              + " BENCH_BUFFER_POOL=4G sets it)");
    }

    FeedCursor cursor = new FeedCursor(database);
    HeraldApi api = new HeraldApi(port);
    Throughput.Measured on;
    try (HeraldProcess herald =
        start(settings, distribution, port, dir, Map.of(), "herald-on.log")) {
      CpuMeter cpu = meter(herald);
      report.add(
          "herald: heap "
              + settings.heap()
              + (settings.passThrough().isEmpty() ? "" : ", " + settings.passThrough()));
      if (!cursor.awaitCaughtUp(Duration.ofMinutes(30))) {
        report.add(
            "setup: *** the segments engine did not reach the end of the events feed ("
                + cursor
                    .position()
                    .map(p -> p.consumer() + " at " + p.position())
                    .orElse("no cursor")
                + ") ***");
      }
      print(report);

      if (settings.measures("t4")) {
        // Like the throughput phases: the builds and the hand-written queries start on a database
        // with no flushing left behind by the data load or a reuse's clean-up.
        add(report, "T4 starts once the " + database.quiesce().describe());
        new FullRecompute(database, api, cpu, workspaceId, now, settings.builtByApi())
            .run(line -> add(report, line));
      }
      RealTime realTime = new RealTime(database, api, cpu, workspaceId, settings, data, cursor);
      if (settings.measures("active")) {
        realTime.createActive(line -> add(report, line));
      }
      if (settings.measures("t3")) {
        realTime.steady(line -> add(report, line));
        realTime.duringRebuild(line -> add(report, line));
      }
      on =
          settings.measures("throughput")
              ? new Throughput(database, api, cpu, settings, data, cursor).run("on", true)
              : null;
      if (on != null) {
        add(report, throughputLine("on", on));
      }
    }
    if (on == null) {
      finish(settings, database, report);
      return;
    }
    Map<String, String> off = new LinkedHashMap<>();
    String[] kv = settings.realtimeOff().split("=", 2);
    off.put(kv[0], kv.length > 1 ? kv[1] : "");
    try (HeraldProcess herald = start(settings, distribution, port, dir, off, "herald-off.log")) {
      CpuMeter cpu = meter(herald);
      Throughput.Measured without =
          new Throughput(database, api, cpu, settings, data, cursor).run("off", false);
      add(report, throughputLine("off (" + settings.realtimeOff() + ")", without));
      double share = on.ingestRate() / without.ingestRate();
      double evaluatedShare = on.evaluatedRate() / without.ingestRate();
      add(
          report,
          String.format(
              "T3 ingestion with evaluation = %.0f%% of without (target >= %.0f%%) %s; counted"
                  + " until every event was evaluated: %.0f%% %s",
              100 * share,
              100 * Throughput.TARGET_SHARE,
              share >= Throughput.TARGET_SHARE ? "ok" : "UNDER TARGET",
              100 * evaluatedShare,
              evaluatedShare >= Throughput.TARGET_SHARE ? "ok" : "UNDER TARGET"));
    }

    finish(settings, database, report);
  }

  private static void finish(Settings settings, Database database, List<String> report)
      throws Exception {
    System.out.println();
    System.out.println(
        "=== bench/segments results"
            + (settings.small() ? " (--small)" : "")
            + (settings.phases().size() < Settings.PHASES.size()
                ? " (BENCH_PHASES "
                    + (settings.phases().isEmpty()
                        ? "none"
                        : String.join(",", new java.util.TreeSet<>(settings.phases())))
                    + ")"
                : "")
            + " ===");
    report.forEach(System.out::println);
    if (!settings.keep()) {
      database.drop();
    }
    if (report.stream().anyMatch(l -> l.contains("MISMATCH") || l.contains("MISSING"))) {
      System.out.println("bench: *** membership MISMATCH or MISSING changes: see above ***");
      System.exit(1);
    }
  }

  private static String throughputLine(String label, Throughput.Measured m) {
    return String.format(
        "T3 throughput, evaluation %s: /v1/batch x%d, closed loop: %,d events in %.1f s = %,.0f"
            + " events/s; p50 %.1f ms, p99 %.1f ms; failures %d%s%s | %s; %s",
        label,
        m.events() == 0 ? 0 : m.events() / Math.max(1, m.load().requests() - m.load().failures()),
        m.events(),
        m.load().seconds(),
        m.ingestRate(),
        m.load().p50Millis(),
        m.load().p99Millis(),
        m.load().failures(),
        m.load().failures() == 0 ? "" : " (first: " + abbreviate(m.load().firstFailure()) + ")",
        m.drainSeconds() > 0
            ? String.format(
                "; every event evaluated %.1f s after the load ended = %,.0f events/s evaluated",
                m.drainSeconds(), m.evaluatedRate())
            : "",
        m.cpu(),
        m.quiesced());
  }

  private static HeraldProcess start(
      Settings settings,
      Path distribution,
      int port,
      Path dir,
      Map<String, String> extra,
      String logName)
      throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HERALD_DB_URL", settings.schemaUrl());
    env.put("HERALD_DB_USER", Database.USER);
    env.put("HERALD_DB_PASSWORD", Database.PASSWORD);
    env.put("HERALD_HTTP_PORT", Integer.toString(port));
    env.put("HERALD_DATA_DIR", dir.resolve("data").toString());
    env.put("HERALD_JAVA_HEAP", settings.heap());
    env.put("HERALD_BOOTSTRAP_SITE_ID", HeraldApi.SITE_ID);
    env.put("HERALD_BOOTSTRAP_TRACK_API_KEY", HeraldApi.TRACK_KEY);
    env.put("HERALD_BOOTSTRAP_APP_API_KEY", HeraldApi.APP_KEY);
    env.put("HERALD_BOOTSTRAP_WRITE_KEY", HeraldApi.WRITE_KEY);
    env.put("HERALD_BOOTSTRAP_ADMIN_PASSWORD", "bench-admin-password");
    env.putAll(settings.passThrough());
    env.putAll(extra);
    Path log = dir.resolve(logName);
    System.out.println(
        "bench: starting Herald on port " + port + " " + extra + " (log: " + log + ")");
    return HeraldProcess.start(distribution, env, log);
  }

  private static CpuMeter meter(HeraldProcess herald) {
    Map<String, Long> pids = new LinkedHashMap<>();
    pids.put("herald", herald.serverPid());
    long mysqld = CpuMeter.findProcess("mariadbd");
    pids.put("mysqld", mysqld > 0 ? mysqld : CpuMeter.findProcess("mysqld"));
    pids.put("driver", ProcessHandle.current().pid());
    return new CpuMeter(pids);
  }

  private static void add(List<String> report, String line) {
    report.add(line);
    System.out.println("bench: " + line);
  }

  private static void print(List<String> report) {
    report.forEach(l -> System.out.println("bench: " + l));
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
