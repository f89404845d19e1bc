package io.herald.bench.segments;

import io.herald.bench.support.CpuMeter;
import io.herald.bench.support.Load;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(30);

  /** What a throughput phase measured. */
  record Measured(
      double ingestRate,
      double evaluatedRate,
      double drainSeconds,
      Load.Result load,
      long events,
      String cpu,
      String quiesced) {}

  private final Database database;
  private final HeraldApi api;
  private final CpuMeter cpu;
  private final Settings settings;
  private final FeedCursor cursor;
  private final LiveEvents events;

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
    this.cursor = cursor;
    this.events = new LiveEvents(data);
  }

  /**
   * Warms up, waits for the engine to catch up (when {@code evaluating}) and for the database to
   * flush what earlier phases left dirty ({@link Database#quiesce}), then measures.
   *
   * @param tag distinguishes this phase's message ids
   */
  Measured run(String tag, boolean evaluating) throws Exception {
    Load load = new Load();
    load.run(
        settings.throughputClients(),
        -1,
        settings.throughputWarmup(),
        i -> api.pipelinesBatch(body(tag + "w", i)));
    if (evaluating) {
      cursor.awaitCaughtUp(DRAIN_TIMEOUT);
    }
    String quiesced = database.quiesce().describe();
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
    long acknowledged = (r.requests() - r.failures()) * settings.batch();
    double ingest = acknowledged / r.seconds();
    double evaluated = acknowledged / ((loadEnd - start) / 1e9 + drain);
    return new Measured(ingest, evaluated, drain, r, acknowledged, cpuUse, quiesced);
  }

  private String body(String tag, long i) {
    List<LiveEvents.LiveEvent> batch = new ArrayList<>(settings.batch());
    for (long n = i * settings.batch(); n < (i + 1) * settings.batch(); n++) {
      batch.add(events.regular(tag, n));
    }
    return LiveEvents.batchBody(batch);
  }
}
