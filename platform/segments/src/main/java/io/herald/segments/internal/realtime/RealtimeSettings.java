package io.herald.segments.internal.realtime;

import io.herald.segments.internal.sql.SqlRebuildSets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Configuration of the real-time engine (keys {@code herald.segments.*}, see the root README). */
@ApplicationScoped
public class RealtimeSettings {

  /**
   * The most people a rebuild transaction may hold: a chunk binds its people's ids into one
   * statement (about 36 bytes each) and locks them until it commits, so far more would pass the
   * server's {@code max_allowed_packet} (MariaDB's default 16 MB) and hold the engine's batches for
   * seconds.
   */
  static final int MAX_REBUILD_BATCH_SIZE = 20_000;

  /**
   * The longest rest of an events loop that stays behind, as a multiple of its batch's time: more
   * would leave evaluation too little of the machine to ever catch up.
   */
  static final double MAX_BACKLOG_REST = 10;

  @Inject
  @ConfigProperty(name = "herald.segments.realtime.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "herald.segments.realtime.idle-millis", defaultValue = "50")
  long idleMillis;

  @Inject
  @ConfigProperty(name = "herald.segments.realtime.batch-size", defaultValue = "500")
  int batchSize;

  @Inject
  @ConfigProperty(name = "herald.segments.rebuild.batch-size", defaultValue = "5000")
  int rebuildBatchSize;

  /**
   * Read by {@code SqlRebuildSets} (a collect's parts) and by {@link RebuildWorker} (chunks applied
   * side by side); checked here so that Herald refuses to start on a bad value.
   */
  @Inject
  @ConfigProperty(name = "herald.segments.rebuild.collect-parallelism", defaultValue = "2")
  int collectParallelism;

  /** 0 (tests that build the settings by hand): one loop. */
  @Inject
  @ConfigProperty(name = "herald.segments.realtime.event-workers", defaultValue = "2")
  int eventWorkers;

  /** 0 (tests that build the settings by hand): dropped at once. */
  @Inject
  @ConfigProperty(name = "herald.segments.realtime.drop-delay-millis", defaultValue = "2000")
  long dropDelayMillis;

  /**
   * Full batches in a row before an events loop rests ({@link Backlog}); settings built by hand
   * (tests) start with the default.
   */
  @Inject
  @ConfigProperty(name = "herald.segments.realtime.backlog-patience", defaultValue = "10")
  int backlogPatience = 10;

  /** An events loop's rest after a batch while behind, as a multiple of the batch's time. */
  @Inject
  @ConfigProperty(name = "herald.segments.realtime.backlog-rest", defaultValue = "1.0")
  double backlogRest = 1.0;

  /** Refuses to start on a setting the workers cannot run with, naming it. */
  @PostConstruct
  void check() {
    requireRebuildBatchSize(rebuildBatchSize);
    requireBacklog(backlogPatience, backlogRest);
    SqlRebuildSets.requireParallelism(collectParallelism);
    new EventPartitions(eventWorkers); // refuses a count out of range, naming the key
  }

  /** {@code size} when it is a valid {@code herald.segments.rebuild.batch-size}. */
  static int requireRebuildBatchSize(int size) {
    if (size < 1 || size > MAX_REBUILD_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "herald.segments.rebuild.batch-size must be between 1 and "
              + MAX_REBUILD_BATCH_SIZE
              + ", not "
              + size);
    }
    return size;
  }

  /** {@code patience} and {@code rest} when they are valid backlog settings. */
  static void requireBacklog(int patience, double rest) {
    if (patience < 1) {
      throw new IllegalArgumentException(
          "herald.segments.realtime.backlog-patience must be at least 1, not " + patience);
    }
    if (!(rest >= 0 && rest <= MAX_BACKLOG_REST)) {
      throw new IllegalArgumentException(
          "herald.segments.realtime.backlog-rest must be between 0 and "
              + MAX_BACKLOG_REST
              + ", not "
              + rest);
    }
  }

  /** Full batches in a row before an events loop rests (at least 1). */
  public int backlogPatience() {
    return Math.max(1, backlogPatience);
  }

  /** An events loop's rest while behind, as a multiple of its batch's time (0: never rests). */
  public double backlogRest() {
    return backlogRest;
  }

  /** Whether this node runs the workers. */
  public boolean enabled() {
    return enabled;
  }

  /** Pause of an idle worker before it looks again. */
  public long idleMillis() {
    return idleMillis;
  }

  /** How many loops evaluate the events feed side by side (its partitions), at least 1. */
  public int eventWorkers() {
    return Math.max(1, eventWorkers);
  }

  /** Feed entries (and re-checks) handled per transaction. */
  public int batchSize() {
    return batchSize;
  }

  /**
   * How long re-check requests that no data segment could answer (a message's {@code received}
   * engagement in a workspace with no segment reading engagements) may wait, so they are deleted
   * many at a time, with one commit, instead of at every fold. Requests a segment may answer are
   * folded at once, those waiting with them.
   */
  public java.time.Duration dropDelay() {
    return java.time.Duration.ofMillis(dropDelayMillis);
  }

  /** People per rebuild transaction. */
  public int rebuildBatchSize() {
    return rebuildBatchSize;
  }

  /**
   * How many chunks of a rebuild's enters or exits are applied side by side, each in its own
   * transaction on its own connection (at least 1; settings built by hand, in tests, give 1).
   */
  public int rebuildParallelism() {
    return Math.max(1, collectParallelism);
  }
}
