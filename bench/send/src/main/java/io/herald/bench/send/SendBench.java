package io.herald.bench.send;

import io.herald.bench.support.BenchSchema;
import io.herald.bench.support.HeraldProcess;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * bench/send (PERFORMANCE-NOTES T6, T7): a fresh schema, Herald from its distribution, a counting
 * SMTP sink ({@link SmtpSink}); then (a) the plain Angus Mail loop ({@link PlainLoop}), (b) the
 * same number of sends through {@code POST /v1/send/email/batch} (bulk lane) alone to the last 250
 * at the sink, then the commits of a smaller bulk send by the server's {@code trx_rw_commits}
 * delta, (c) a second bulk send like (b) with transactional sends at a fixed rate beside it and
 * their latency from the API call to the sink's 250, (d) the rate limiter at 50/s. Each figure is
 * printed beside its baseline and target. Settings ({@link Settings}): see bench/send/README.md.
 */
public final class SendBench {

  static final String SCHEMA = "herald_bench_send";
  static final String USER = "herald_bench";
  static final String PASSWORD = "bench";

  private SendBench() {}

  public static void main(String[] args) throws Exception {
    // The driver's HTTP clients drop idle keep-alive connections well before Herald's HTTP listener
    // does (30 s): otherwise a batch POST sent on a connection the server is closing at that moment
    // fails on both sides ("header parser received no bytes"; seen once between two phases).
    if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
      System.setProperty("jdk.httpclient.keepalive.timeout", "10");
    }
    List<String> arguments = new ArrayList<>(Arrays.asList(args));
    Path distribution =
        Path.of(
            !arguments.isEmpty() && !arguments.get(0).startsWith("--")
                ? arguments.remove(0)
                : "platform/launcher/target/herald");
    Settings s = Settings.from(arguments, System.getenv());
    BenchSchema.recreate(s.server(), s.rootUser(), s.rootPassword(), SCHEMA, USER, PASSWORD);
    Path dir = Files.createTempDirectory("herald-bench-send-");
    int port = freePort();
    List<String> report = new ArrayList<>();
    try (SmtpSink sink = new SmtpSink(s.sinkReceiveBuffer());
        HeraldProcess herald = start(s, distribution, port, dir)) {
      Api api = new Api(port);
      api.channel(sink.port(), s.connections(), null);
      api.template();
      for (int from = 0; from < s.people(); from += 500) {
        api.people(from, Math.min(s.people(), from + 500));
      }
      say(
          "setup: %,d people, template of %,d characters with 5 merge fields, sink on port %d,"
              + " %d connections",
          s.people(), Template.BODY.length(), sink.port(), s.connections());

      double plainSeconds = PlainLoop.run(sink.port(), s.connections(), s.messages(), s.people());
      double plainRate = s.messages() / plainSeconds;
      add(
          report,
          "T6 baseline: plain Angus Mail loop, %d reused connections: %,d messages in %.1f s = %,.0f"
              + " msg/s",
          s.connections(),
          s.messages(),
          plainSeconds,
          plainRate);

      say("%s", warmUp(s, api, sink));
      add(report, "%s", calibrate(s, api, sink));
      // T6 as its baseline ran: the bulk send and nothing else.
      Bulk alone = bulk(s, api, sink, "bulk", false);
      add(report, "%s", alone.describe("T6 Herald", s.messages(), plainRate, true));
      add(report, "%s", commits(s, api, sink));
      // T7: the same bulk send again, with the transactional sends beside it.
      Bulk loaded = bulk(s, api, sink, "loaded", true);
      add(report, "%s", loaded.t7());
      add(
          report,
          "%s",
          loaded.describe(
              "T6 beside T7 (not the target's figure: the plain loop has no transactional load)",
              s.messages(),
              plainRate,
              false));

      api.channel(
          sink.port(),
          s.connections(),
          "{\"per_second\":" + s.limitRate() + ",\"burst\":" + s.limitBurst() + "}");
      add(report, "%s", limiter(s, api, sink));
    }
    System.out.println();
    report.forEach(line -> System.out.println("bench: " + line));
    System.out.println("bench: Herald logs in " + dir);
  }

  record Bulk(double seconds, double enqueueSeconds, int refused, String t7) {

    String describe(String label, int messages, double plainRate, boolean target) {
      double rate = messages / seconds;
      return String.format(
          "%s: %,d sends via /v1/send/email/batch (bulk lane), first request to last 250: %.1f s"
              + " = %,.0f msg/s = %.0f%% of the plain loop%s; enqueue took %.1f s; refused"
              + " entries %d",
          label,
          messages,
          seconds,
          rate,
          100 * rate / plainRate,
          target ? " (target >= 70%)" : "",
          enqueueSeconds,
          refused);
    }
  }

  /**
   * Transactional sends at the T7 rate before anything is measured, awaited, with bulk batches of
   * the T6 shape ({@code BENCH_WARMUP_BULK} entries from one client) sent meanwhile and awaited
   * too: the first sends of a fresh Herald load classes, compile code, create the channel's
   * provider and open its connections. On a 2-core machine the JIT compilers were still taking half
   * a core after 30 s of transactional sends alone, and the bulk path's code (batch parsing, bulk
   * lookups, multi-row inserts) was compiled during the measured phase.
   */
  private static String warmUp(Settings s, Api api, SmtpSink sink) throws Exception {
    TransactionalLoad warm = new TransactionalLoad(api, sink, s.t7Rate(), s.people(), "w");
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(s.warmupSeconds());
    warm.start();
    int bulkSent = 0;
    while (bulkSent < s.warmupBulk() && System.nanoTime() < end) {
      StringBuilder entries = new StringBuilder();
      int to = Math.min(s.warmupBulk(), bulkSent + s.batch());
      for (int n = bulkSent; n < to; n++) {
        entries.append(entries.length() == 0 ? "" : ",");
        entries.append(Api.entry(n, s.people(), "warmbulk"));
      }
      api.batch(entries.toString());
      bulkSent = to;
    }
    long left = end - System.nanoTime();
    if (left > 0) {
      Thread.sleep(TimeUnit.NANOSECONDS.toMillis(left));
    }
    warm.stop();
    warm.awaitArrivals(120);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (sink.count("warmbulk") < bulkSent && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return warm.report(
        String.format(
            "warm-up, not a result (%d s, %,d bulk sends, %,d arrived)",
            s.warmupSeconds(), bulkSent, sink.count("warmbulk")));
  }

  /** T7 alone for a few seconds: its latency without bulk load. */
  private static String calibrate(Settings s, Api api, SmtpSink sink) throws Exception {
    TransactionalLoad alone = new TransactionalLoad(api, sink, s.t7Rate(), s.people(), "c");
    alone.start();
    Thread.sleep(TimeUnit.SECONDS.toMillis(s.calibrateSeconds()));
    alone.stop();
    alone.awaitArrivals(30);
    return alone.report("T7 baseline, no bulk load (" + s.calibrateSeconds() + " s)");
  }

  /**
   * T6's commits: {@code BENCH_COMMIT_MESSAGES} bulk sends of the T6 shape with no transactional
   * load, from the first request until every one arrived and its outcome was recorded, counted by
   * the server (T7's sends during the T6 phase commit on their own schedule, so the commits of that
   * phase do not say what the bulk path costs).
   */
  private static String commits(Settings s, Api api, SmtpSink sink) throws Exception {
    Thread.sleep(5_000); // the T6 phase's last transactional sends and outcomes
    long before = ServerCommits.count(s);
    int refused = post(s, api, s.commitMessages(), "commits");
    long expected = s.commitMessages() - refused;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
    while (sink.count("commits") < expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(2_000); // the last batch's outcomes and received engagements
    long commits = ServerCommits.count(s) - before;
    return String.format(
        "T6 commits (server-wide InnoDB trx_rw_commits): %,d bulk sends alone, %,d arrived: %,d commits ="
            + " %.2f per 100 messages (target <= 1)",
        expected, sink.count("commits"), commits, 100.0 * commits / Math.max(1, expected));
  }

  /**
   * Posts {@code messages} bulk sends tagged {@code tag} in batches of {@code BENCH_BATCH} from
   * {@code BENCH_CLIENTS} concurrent clients; the entries refused.
   */
  private static int post(Settings s, Api api, int messages, String tag) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(s.clients());
    AtomicInteger nextBatch = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    List<Future<?>> posting = new ArrayList<>();
    for (int c = 0; c < s.clients(); c++) {
      posting.add(
          clients.submit(
              () -> {
                for (int b; (b = nextBatch.getAndIncrement()) * s.batch() < messages; ) {
                  StringBuilder entries = new StringBuilder();
                  int to = Math.min(messages, (b + 1) * s.batch());
                  for (int n = b * s.batch(); n < to; n++) {
                    entries.append(entries.length() == 0 ? "" : ",");
                    entries.append(Api.entry(n, s.people(), tag));
                  }
                  refused.addAndGet(api.batch(entries.toString()));
                }
                return null;
              }));
    }
    try {
      for (Future<?> f : posting) {
        f.get();
      }
    } finally {
      clients.shutdownNow();
    }
    return refused.get();
  }

  /**
   * {@code BENCH_MESSAGES} bulk sends tagged {@code tag}, from the first request to the sink's last
   * 250; with {@code t7}, the transactional sends at the T7 rate meanwhile, whose latency it
   * reports.
   */
  private static Bulk bulk(Settings s, Api api, SmtpSink sink, String tag, boolean t7)
      throws Exception {
    TransactionalLoad load = new TransactionalLoad(api, sink, s.t7Rate(), s.people(), "");
    long start = System.nanoTime();
    if (t7) {
      load.start();
    }
    int refused;
    try {
      refused = post(s, api, s.messages(), tag);
    } catch (ExecutionException | InterruptedException e) {
      // Stop calling, or the driver's non-daemon threads keep it (and its 100/s) alive after main.
      load.stop();
      throw e;
    }
    long accepted = System.nanoTime();
    double enqueueSeconds = (accepted - start) / 1e9;
    long expected = s.messages() - refused;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(60);
    while (sink.count(tag) < expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    double seconds = (sink.lastArrival(tag) - start) / 1e9;
    if (!t7) {
      return new Bulk(seconds, enqueueSeconds, refused, "");
    }
    load.stop();
    // The sends called just before the stop are still on their way: not "never arrived".
    load.awaitArrivals(30);
    return new Bulk(
        seconds, enqueueSeconds, refused, load.report("T7 latency during the bulk send", accepted));
  }

  private static String limiter(Settings s, Api api, SmtpSink sink) throws Exception {
    sink.logEverything();
    int total = s.limitRate() * (s.limitSeconds() + 3) + s.limitBurst();
    for (int from = 0; from < total; from += s.batch()) {
      StringBuilder entries = new StringBuilder();
      for (int n = from; n < Math.min(total, from + s.batch()); n++) {
        entries.append(entries.length() == 0 ? "" : ",");
        entries.append(Api.entry(n, s.people(), SmtpSink.LOGGED));
      }
      api.batch(entries.toString());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(s.limitSeconds() + 30);
    while (System.nanoTime() < deadline) {
      List<Long> seen = sink.logged();
      if (!seen.isEmpty()
          && System.nanoTime() - seen.get(0) > TimeUnit.SECONDS.toNanos(s.limitSeconds() + 1)) {
        break;
      }
      Thread.sleep(100);
    }
    List<Long> arrivals = new ArrayList<>(sink.logged());
    arrivals.sort(null);
    if (arrivals.isEmpty()) {
      return "T7 limiter: *** nothing arrived ***";
    }
    long t0 = arrivals.get(0);
    long second = TimeUnit.SECONDS.toNanos(1);
    // Mean over whole seconds after the first (which may hold the burst).
    long from = t0 + second;
    long to = from + s.limitSeconds() * second;
    long inWindow = arrivals.stream().filter(t -> t >= from && t < to).count();
    double mean = (double) inWindow / s.limitSeconds();
    // The busiest one-second window starting at any arrival within the measured time.
    int worst = 0;
    int j = 0;
    for (int i = 0; i < arrivals.size() && arrivals.get(i) < to; i++) {
      while (j < arrivals.size() && arrivals.get(j) < arrivals.get(i) + second) {
        j++;
      }
      worst = Math.max(worst, j - i);
    }
    return String.format(
        "T7 limiter: channel at %d/s burst %d for %d s, every message the sink got: mean %.2f/s = %+.1f%% (target within 2%%),"
            + " busiest one-second window %d (target <= %d)",
        s.limitRate(),
        s.limitBurst(),
        s.limitSeconds(),
        mean,
        100 * (mean - s.limitRate()) / s.limitRate(),
        worst,
        s.limitRate() + s.limitBurst());
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
    env.put("HERALD_BOOTSTRAP_SITE_ID", Api.SITE_ID);
    env.put("HERALD_BOOTSTRAP_TRACK_API_KEY", Api.TRACK_KEY);
    env.put("HERALD_BOOTSTRAP_APP_API_KEY", Api.APP_KEY);
    env.put("HERALD_BOOTSTRAP_WRITE_KEY", Api.WRITE_KEY);
    env.put("HERALD_BOOTSTRAP_ADMIN_PASSWORD", "bench-admin-password");
    System.getenv()
        .forEach(
            (k, v) -> {
              if (k.startsWith("HERALD_")) {
                env.putIfAbsent(k, v);
              }
            });
    Path log = dir.resolve("herald.log");
    say("starting Herald on port %d (log: %s)", port, log);
    return HeraldProcess.start(distribution, env, log);
  }

  private static void add(List<String> report, String format, Object... args) {
    String line = String.format(format, args);
    report.add(line);
    System.out.println("bench: " + line);
  }

  private static void say(String format, Object... args) {
    System.out.println("bench: " + String.format(format, args));
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
