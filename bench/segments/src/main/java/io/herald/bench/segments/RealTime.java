package io.herald.bench.segments;

import io.herald.bench.support.CpuMeter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.apache.hc.core5.http.ClassicHttpRequest;

/**
 * T3 at a fixed rate: the 50 {@link ActiveSegments} are created (and the time until all are built
 * is reported), then Track API events are sent at {@link Settings#rate()} per second. Every tenth
 * event is a probe: {@code probe_k} for a person who never performed it, so it makes that person
 * enter probe segment {@code k}; the delay is {@code segments_membership_change.changed_at} minus
 * {@code events_event.inserted_at} of the probe. The other events are the history's names for
 * random people, evaluated against the segments that mention them. A second phase runs the same
 * load while a full rebuild runs and reports the slowest ingest request during the rebuild.
 */
final class RealTime {

  /** Delay target: p99 under one second. */
  static final double TARGET_P99_MILLIS = 1000;

  /** Stall target: no ingest request slower than one second during a rebuild. */
  static final double TARGET_STALL_MILLIS = 1000;

  private static final int THREADS = 64;
  private static final Duration PROBE_WAIT = Duration.ofSeconds(60);
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(30);

  private final Database database;
  private final HeraldApi api;
  private final CpuMeter cpu;
  private final long workspaceId;
  private final Settings settings;
  private final Synthetic data;
  private final LiveEvents events;
  private final FeedCursor cursor;
  private final List<Long> ids = new ArrayList<>();

  RealTime(
      Database database,
      HeraldApi api,
      CpuMeter cpu,
      long workspaceId,
      Settings settings,
      Synthetic data,
      FeedCursor cursor) {
    this.database = database;
    this.api = api;
    this.cpu = cpu;
    this.workspaceId = workspaceId;
    this.settings = settings;
    this.data = data;
    this.events = new LiveEvents(data);
    this.cursor = cursor;
  }

  /** Creates the 50 segments one after the other and waits until every one is built. */
  void createActive(Consumer<String> report) throws Exception {
    CpuMeter.Sample before = cpu.sample();
    long start = System.nanoTime();
    for (ActiveSegments.Definition d : ActiveSegments.all(ids)) {
      ids.add(api.createDataSegment("active " + d.name(), d.condition().get()));
    }
    long created = System.nanoTime();
    for (long id : ids) {
      api.awaitBuilt(id, Duration.ofMinutes(60));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    // T3 measures the segments at rest: their re-check timers (set after their membership) too.
    long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
    while (database.number("SELECT COUNT(*) FROM segments_rebuild") > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("rebuilds still run after 60 minutes");
      }
      Thread.sleep(100);
    }
    double withTimers = (System.nanoTime() - start) / 1e9;
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_probe");
      s.execute(
          "CREATE TABLE bench_probe (name VARCHAR(100) NOT NULL, segment_id BIGINT NOT NULL,"
              + " PRIMARY KEY (name)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
      for (int k = 0; k < ActiveSegments.PROBES; k++) {
        s.execute(
            "INSERT INTO bench_probe VALUES ('"
                + ActiveSegments.probeEvent(k)
                + "', "
                + ids.get(k)
                + ")");
      }
    }
    report.accept(
        String.format(
            "T4 all %d active segments: created in %.1f s, all built %.1f s after the first"
                + " request (target <= 60 s) %s, their re-check timers all set after %.1f s | %s",
            ids.size(),
            (created - start) / 1e9,
            seconds,
            seconds <= 60 ? "ok" : "OVER TARGET",
            withTimers,
            CpuMeter.describe(before, cpu.sample())));
  }

  /** b1: the fixed rate for {@link Settings#realtime()}. */
  void steady(Consumer<String> report) throws Exception {
    if (!settings.realtimeWarmup().isZero()) {
      // Not measured: Herald has only built segments so far, and the JIT compiles the Track path
      // in the first seconds of this load (answers took over 1 s then, in the first ~10 seconds).
      RateLoad.Running warmup = new RateLoad().start(requestRate(), THREADS, request("warmup"));
      Thread.sleep(settings.realtimeWarmup().toMillis());
      warmup.stop();
      warmup.await();
    }
    String phase = "steady";
    CpuMeter.Sample before = cpu.sample();
    RateLoad.Running running = new RateLoad().start(requestRate(), THREADS, request(phase));
    Thread.sleep(settings.realtime().toMillis());
    running.stop();
    RateLoad.Result result = running.await();
    String cpuUse = CpuMeter.describe(before, cpu.sample());
    Histogram latency = result.latencies();
    report.accept(
        String.format(
            "T3 %,d events/s offered as %s for %.0f s (after %d s unmeasured) with %d active"
                + " segments: %,.0f events/s"
                + " answered%s; ingest request p50 %.1f ms, p99 %.1f ms, max %.1f ms (from when each"
                + " was due; %s); failures %d%s | %s",
            settings.rate(),
            how(),
            result.seconds(),
            settings.realtimeWarmup().toSeconds(),
            ids.size(),
            result.samples().size() * settings.rtBatch() / result.seconds(),
            result.samples().size() < 0.95 * requestRate() * result.seconds()
                ? " (RATE NOT REACHED: requests queued in the driver)"
                : "",
            latency.getValueAtPercentile(50) / 1000.0,
            latency.getValueAtPercentile(99) / 1000.0,
            latency.getMaxValue() / 1000.0,
            result.slowestSecond(),
            result.failures(),
            failureNote(result),
            cpuUse));
    report.accept("T3 " + delays(phase));
  }

  /** b2: the fixed rate while a full rebuild of a new segment runs. */
  void duringRebuild(Consumer<String> report) throws Exception {
    String phase = "rebuild";
    RateLoad.Running running = new RateLoad().start(requestRate(), THREADS, request(phase));
    Thread.sleep(5_000);
    long from = System.nanoTime();
    Representatives.Representative heavy =
        Representatives.get(2, workspaceId, data.now(), Instant.now(), Map.of());
    long id = api.createDataSegment("bench rebuild during ingestion", heavy.condition());
    long to = api.awaitBuilt(id, Duration.ofMinutes(60));
    Thread.sleep(5_000);
    running.stop();
    RateLoad.Result result = running.await();
    Histogram during = result.serviceTimes(from, to);
    Histogram outside = result.serviceTimes(Long.MIN_VALUE, from);
    outside.add(result.serviceTimes(to, Long.MAX_VALUE));
    Histogram duringFromDue = result.latencies(from, to);
    double stall = during.getMaxValue() / 1000.0;
    report.accept(
        String.format(
            "T3 rebuild of S3 (%,d members) during %,d events/s: took %.2f s; ingest requests"
                + " due during it: %,d, answered in p99 %.1f ms, max %.1f ms (target <= %.0f ms)"
                + " %s; outside it: p99 %.1f ms, max %.1f ms (from sending; from when due, as"
                + " offered: max %.1f ms during the rebuild%s); failures %d%s",
            api.count(id),
            settings.rate(),
            (to - from) / 1e9,
            during.getTotalCount(),
            during.getValueAtPercentile(99) / 1000.0,
            stall,
            TARGET_STALL_MILLIS,
            stall <= TARGET_STALL_MILLIS ? "ok" : "OVER TARGET",
            outside.getValueAtPercentile(99) / 1000.0,
            outside.getMaxValue() / 1000.0,
            duringFromDue.getMaxValue() / 1000.0,
            result.samples().size() < 0.95 * requestRate() * result.seconds()
                ? ", RATE NOT REACHED: requests queued in the driver"
                : "",
            result.failures(),
            failureNote(result)));
    report.accept("T3 (during the rebuild phase) " + delays(phase));
  }

  /**
   * Request {@code i} of a phase: one Track API event, or (with {@link Settings#rtBatch()} above 1)
   * a Pipelines batch of that many; every tenth event is a probe.
   */
  private LongFunction<ClassicHttpRequest> request(String phase) {
    int perRequest = settings.rtBatch();
    return i -> {
      List<LiveEvents.LiveEvent> batch = new ArrayList<>(perRequest);
      for (long n = i * perRequest; n < (i + 1) * perRequest; n++) {
        batch.add(n % 10 == 0 ? events.probe(phase) : events.regular(phase, n));
      }
      if (perRequest == 1) {
        LiveEvents.LiveEvent e = batch.get(0);
        return api.trackEvent(e.customerId(), LiveEvents.trackBody(e));
      }
      return api.pipelinesBatch(LiveEvents.batchBody(batch));
    };
  }

  /** Requests per second for {@link Settings#rate()} events per second. */
  private int requestRate() {
    return Math.max(1, settings.rate() / settings.rtBatch());
  }

  /** "Track API events" or "Pipelines /v1/batch of 10 events". */
  private String how() {
    return settings.rtBatch() == 1
        ? "Track API events (1 per request)"
        : "Pipelines /v1/batch (" + settings.rtBatch() + " events per request)";
  }

  /**
   * Waits until the engine has caught up with the events feed and every probe of the phase that was
   * stored has its enter (at most a minute more), then reports the delays from the event's insert
   * to the membership change: to {@code changed_at}, and to the change row's own {@code
   * inserted_at} (the database clock when the engine wrote it, in milliseconds). The second is the
   * figure to trust when the first has no fractional seconds (Connector/J drops them against
   * MariaDB 10.x, which it takes for MySQL 5.5).
   */
  private String delays(String phase) throws Exception {
    String pattern = events.probePrefix(phase) + "%";
    long stored =
        database.number(
            "SELECT COUNT(*) FROM events_event WHERE workspace_id = ? AND dedupe_id LIKE ?",
            workspaceId,
            pattern);
    long phaseEnd = System.nanoTime();
    boolean caughtUp = cursor.awaitCaughtUp(CATCH_UP_TIMEOUT);
    double catchUp = (System.nanoTime() - phaseEnd) / 1e9;
    long deadline = System.nanoTime() + PROBE_WAIT.toNanos();
    List<long[]> micros;
    while (true) {
      micros = probeDelays(pattern);
      if (micros.size() >= stored || System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(500);
    }
    if (micros.isEmpty()) {
      return String.format(
          "event commit -> membership change: *** MISSING *** no change for any of %,d probe"
              + " events (waited %d s)",
          stored, PROBE_WAIT.toSeconds());
    }
    Histogram changedAt = new Histogram(3_600_000_000L, 3);
    Histogram written = new Histogram(3_600_000_000L, 3);
    long negative = 0;
    boolean wholeSeconds = true;
    for (long[] m : micros) {
      negative += m[0] < 0 ? 1 : 0;
      wholeSeconds &= m[2] == 0;
      changedAt.recordValue(Math.max(0, Math.min(m[0], 3_599_000_000L)));
      written.recordValue(Math.max(0, Math.min(m[1], 3_599_000_000L)));
    }
    Histogram primary = wholeSeconds ? written : changedAt;
    double p99 = primary.getValueAtPercentile(99) / 1000.0;
    return String.format(
        "event commit -> membership change (%,d probes, to %s): p50 %.0f ms, p99 %.0f ms (target"
            + " < %.0f ms) %s, max %.0f ms; to %s: p50 %.0f ms, p99 %.0f ms%s%s%s; the engine"
            + " %s the feed %.1f s after the load ended",
        micros.size(),
        wholeSeconds ? "the change row's inserted_at" : "changed_at",
        primary.getValueAtPercentile(50) / 1000.0,
        p99,
        TARGET_P99_MILLIS,
        p99 < TARGET_P99_MILLIS ? "ok" : "OVER TARGET",
        primary.getMaxValue() / 1000.0,
        wholeSeconds ? "changed_at" : "the change row's inserted_at",
        (wholeSeconds ? changedAt : written).getValueAtPercentile(50) / 1000.0,
        (wholeSeconds ? changedAt : written).getValueAtPercentile(99) / 1000.0,
        wholeSeconds
            ? " (changed_at holds whole seconds only here: the JDBC driver dropped the fraction)"
            : "",
        negative > 0 ? String.format("; %,d changed_at before their event's insert", negative) : "",
        micros.size() < stored
            ? String.format(
                "; *** MISSING *** %,d of %,d probes had no change after %d s",
                stored - micros.size(), stored, PROBE_WAIT.toSeconds())
            : "",
        caughtUp ? "caught up with" : "had NOT caught up with",
        catchUp);
  }

  /**
   * Per probe with an enter: microseconds from its insert to {@code changed_at}, to the change
   * row's {@code inserted_at}, and the fractional microseconds of {@code changed_at}.
   */
  private List<long[]> probeDelays(String pattern) throws SQLException {
    List<long[]> out = new ArrayList<>();
    try (Connection c = database.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT TIMESTAMPDIFF(MICROSECOND, e.inserted_at, MIN(c.changed_at)),"
                    + " TIMESTAMPDIFF(MICROSECOND, e.inserted_at, MIN(c.inserted_at)),"
                    + " MAX(MICROSECOND(c.changed_at))"
                    + " FROM events_event e JOIN bench_probe p ON p.name = e.name"
                    + " JOIN segments_membership_change c ON c.segment_id = p.segment_id"
                    + " AND c.workspace_id = e.workspace_id AND c.cio_id = e.person_cio_id"
                    + " AND c.entered = TRUE"
                    + " WHERE e.workspace_id = ? AND e.dedupe_id LIKE ?"
                    + " GROUP BY e.id, e.inserted_at")) {
      s.setLong(1, workspaceId);
      s.setString(2, pattern);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
        }
      }
    }
    return out;
  }

  private static String failureNote(RateLoad.Result r) {
    if (r.failures() == 0) {
      return "";
    }
    String f = r.firstFailure();
    return " (first: " + (f.length() > 200 ? f.substring(0, 200) + "…" : f) + ")";
  }
}
