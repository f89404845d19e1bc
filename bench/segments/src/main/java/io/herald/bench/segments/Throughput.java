package io.herald.bench.segments;

import java.sql.SQLException;
import java.time.Duration;

/**
 * T3's throughput comparison: Pipelines {@code /v1/batch} requests of history-like track events
 * from closed-loop clients for a fixed time, once with real-time evaluation on and once (Herald
 * restarted) with it off. With evaluation on, the events are evaluated after their commit, so the
 * run also waits until the segments engine has consumed every event and reports the rate counted up
 * to then.
 */
final class Throughput {

  /** Throughput target: with evaluation at least 70% of without. */
  static final double TARGET_SHARE = 0.70;

  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(30);

  /** What a throughput phase measured. */
  record Measured(
      double ingestRate,
      double evaluatedRate,
      double drainSeconds,
      Load.Result load,
      long events,
      String cpu) {}

  private final Database database;
  private final HeraldApi api;
  private final CpuMeter cpu;
  private final Settings settings;
  private final Synthetic data;
  private final FeedCursor cursor;

  Throughput(
      Database database,
      HeraldApi api,
      CpuMeter cpu,
      Settings settings,
      Synthetic data,
      FeedCursor cursor) {
    this.database = database;
    this.api = api;
    this.cpu = cpu;
    this.settings = settings;
    this.data = data;
    this.cursor = cursor;
  }

  /**
   * Warms up, waits for the engine to catch up (when {@code evaluating}), then measures.
   *
   * @param tag distinguishes this phase's message ids
   */
  Measured run(String tag, boolean evaluating) throws Exception {
    Load load = new Load();
    load.run(
        settings.throughputClients(), -1, WARM_UP, i -> api.pipelinesBatch(body(tag + "w", i)));
    if (evaluating) {
      cursor.awaitCaughtUp(DRAIN_TIMEOUT);
    }
    CpuMeter.Sample before = cpu.sample();
    long start = System.nanoTime();
    Load.Result r =
        load.run(
            settings.throughputClients(),
            -1,
            settings.throughput(),
            i -> api.pipelinesBatch(body(tag, i)));
    long loadEnd = System.nanoTime();
    double drain = 0;
    if (evaluating) {
      cursor.awaitCaughtUp(DRAIN_TIMEOUT);
      drain = (System.nanoTime() - loadEnd) / 1e9;
    }
    String cpuUse = CpuMeter.describe(before, cpu.sample());
    long events = (r.requests() - r.failures()) * settings.batch();
    double ingest = events / r.seconds();
    double evaluated = events / ((loadEnd - start) / 1e9 + drain);
    return new Measured(ingest, evaluated, drain, r, events, cpuUse);
  }

  private String body(String tag, long i) {
    int size = settings.batch();
    StringBuilder out = new StringBuilder(size * 260).append("{\"batch\":[");
    for (long k = 0; k < size; k++) {
      long n = Long.MAX_VALUE / 4 + (i * size + k) * 17 + tag.hashCode();
      if (k > 0) {
        out.append(',');
      }
      out.append("{\"type\":\"track\",\"userId\":\"")
          .append(Synthetic.customerId(data.eventPerson(n)))
          .append("\",\"event\":\"")
          .append(data.eventName(n))
          .append("\",\"properties\":")
          .append(Synthetic.eventData(n))
          .append(",\"messageId\":\"tp-")
          .append(tag)
          .append('-')
          .append(i)
          .append('-')
          .append(k)
          .append("\"}");
    }
    return out.append("]}").toString();
  }

  /** The events stored so far (for the report). */
  long stored() throws SQLException {
    return database.number("SELECT COUNT(*) FROM events_event");
  }
}
