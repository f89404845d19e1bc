package io.herald.bench.segments;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

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

  private final Database database;
  private final HeraldApi api;
  private final CpuMeter cpu;
  private final long workspaceId;
  private final Settings settings;
  private final Synthetic data;
  private final AtomicLong probes = new AtomicLong();
  private final List<Long> ids = new ArrayList<>();

  RealTime(
      Database database,
      HeraldApi api,
      CpuMeter cpu,
      long workspaceId,
      Settings settings,
      Synthetic data) {
    this.database = database;
    this.api = api;
    this.cpu = cpu;
    this.workspaceId = workspaceId;
    this.settings = settings;
    this.data = data;
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
                + " request (target <= 60 s) %s | %s",
            ids.size(),
            (created - start) / 1e9,
            seconds,
            seconds <= 60 ? "ok" : "OVER TARGET",
            CpuMeter.describe(before, cpu.sample())));
  }

  /** b1: the fixed rate for {@link Settings#realtime()}. */
  void steady(Consumer<String> report) throws Exception {
    String phase = "steady";
    CpuMeter.Sample before = cpu.sample();
    RateLoad.Running running = new RateLoad().start(settings.rate(), THREADS, request(phase));
    Thread.sleep(settings.realtime().toMillis());
    running.stop();
    RateLoad.Result result = running.await();
    String cpuUse = CpuMeter.describe(before, cpu.sample());
    Histogram latency = result.latencies();
    report.accept(
        String.format(
            "T3 %,d events/s offered for %.0f s with %d active segments: %,.0f events/s answered;"
                + " ingest request p50 %.1f ms, p99 %.1f ms, max %.1f ms; failures %d%s | %s",
            settings.rate(),
            result.seconds(),
            ids.size(),
            result.samples().size() / result.seconds(),
            latency.getValueAtPercentile(50) / 1000.0,
            latency.getValueAtPercentile(99) / 1000.0,
            latency.getMaxValue() / 1000.0,
            result.failures(),
            failureNote(result),
            cpuUse));
    report.accept("T3 " + delays(phase));
  }

  /** b2: the fixed rate while a full rebuild of a new segment runs. */
  void duringRebuild(Consumer<String> report) throws Exception {
    String phase = "rebuild";
    RateLoad.Running running = new RateLoad().start(settings.rate(), THREADS, request(phase));
    Thread.sleep(5_000);
    long from = System.nanoTime();
    Representatives.Representative heavy =
        Representatives.get(
            2, workspaceId, data.now(), java.time.Instant.now(), java.util.Map.of());
    long id = api.createDataSegment("bench rebuild during ingestion", heavy.condition());
    long to = api.awaitBuilt(id, Duration.ofMinutes(60));
    Thread.sleep(5_000);
    running.stop();
    RateLoad.Result result = running.await();
    Histogram during = result.latencies(from, to);
    Histogram outside = result.latencies(Long.MIN_VALUE, from);
    outside.add(result.latencies(to, Long.MAX_VALUE));
    double stall = during.getMaxValue() / 1000.0;
    report.accept(
        String.format(
            "T3 rebuild of S3 (%,d members) during %,d events/s: took %.2f s; ingest requests"
                + " due during it: %,d, p99 %.1f ms, max %.1f ms (target <= %.0f ms) %s; outside"
                + " it: p99 %.1f ms, max %.1f ms; failures %d%s",
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
            result.failures(),
            failureNote(result)));
    report.accept("T3 (during the rebuild phase) " + delays(phase));
  }

  /** Request {@code i} of a phase: a probe every tenth, otherwise a history-like event. */
  private java.util.function.LongFunction<HttpRequest> request(String phase) {
    return i -> {
      if (i % 10 == 0) {
        long j = probes.getAndIncrement();
        int k = (int) (j % ActiveSegments.PROBES);
        long person = (j / ActiveSegments.PROBES) * 7919 % data.people();
        return api.trackEvent(
            Synthetic.customerId(person),
            "{\"name\":\""
                + ActiveSegments.probeEvent(k)
                + "\",\"id\":\"probe-"
                + phase
                + "-"
                + j
                + "\",\"data\":{\"n\":"
                + j
                + "}}");
      }
      long n = Long.MAX_VALUE / 2 + i * 31 + phase.length();
      return api.trackEvent(
          Synthetic.customerId(data.eventPerson(n)),
          "{\"name\":\""
              + data.eventName(n)
              + "\",\"id\":\"rt-"
              + phase
              + "-"
              + i
              + "\",\"data\":"
              + Synthetic.eventData(n)
              + "}");
    };
  }

  /**
   * Waits until every probe of the phase that was stored has its enter, then reports the delays
   * from the event's insert to the membership change.
   */
  private String delays(String phase) throws Exception {
    String pattern = "probe-" + phase + "-%";
    long stored =
        database.number(
            "SELECT COUNT(*) FROM events_event WHERE workspace_id = ? AND dedupe_id LIKE ?",
            workspaceId,
            pattern);
    long deadline = System.nanoTime() + PROBE_WAIT.toNanos();
    List<Long> micros;
    while (true) {
      micros = probeDelays(pattern);
      if (micros.size() >= stored || System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(500);
    }
    if (micros.isEmpty()) {
      return String.format(
          "event commit -> membership change: *** NO CHANGE *** for any of %,d probe events"
              + " (waited %d s)",
          stored, PROBE_WAIT.toSeconds());
    }
    Histogram h = new Histogram(3_600_000_000L, 3);
    long negative = 0;
    for (long m : micros) {
      if (m < 0) {
        negative++;
      }
      h.recordValue(Math.max(0, Math.min(m, 3_599_000_000L)));
    }
    double p99 = h.getValueAtPercentile(99) / 1000.0;
    return String.format(
        "event commit -> membership change (%,d probes): p50 %.0f ms, p99 %.0f ms (target < %.0f"
            + " ms) %s, max %.0f ms%s%s",
        micros.size(),
        h.getValueAtPercentile(50) / 1000.0,
        p99,
        TARGET_P99_MILLIS,
        p99 < TARGET_P99_MILLIS ? "ok" : "OVER TARGET",
        h.getMaxValue() / 1000.0,
        micros.size() < stored
            ? String.format(
                "; *** MISSING *** %,d of %,d probes had no change after %d s",
                stored - micros.size(), stored, PROBE_WAIT.toSeconds())
            : "",
        negative > 0 ? String.format("; %,d changes dated before their event", negative) : "");
  }

  private List<Long> probeDelays(String pattern) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Connection c = database.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT TIMESTAMPDIFF(MICROSECOND, e.inserted_at, MIN(c.changed_at))"
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
          out.add(rs.getLong(1));
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
