package io.herald.segments.internal.realtime;

import io.herald.shared.lifecycle.DatabaseReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The node's background loops, started once the database is migrated: one per partition of the
 * events feed ({@code herald.segments.realtime.event-workers}, see {@link EventPartitions}), one
 * each for the people feed, re-checks and rebuilds, on container-managed threads. A loop repeats
 * its step while it finds work and sleeps {@code herald.segments.realtime.idle-millis} when idle,
 * so an event is usually evaluated within that pause plus one batch after its commit. An events
 * loop that stays a batch or more behind for {@code herald.segments.realtime.backlog-patience}
 * batches in a row rests after each batch ({@link Backlog}, {@code
 * herald.segments.realtime.backlog-rest}), so a sustained overload leaves ingestion most of the
 * machine. Every node runs them; the database decides who does what (see {@link RealtimeEngine}).
 */
@ApplicationScoped
public class RealtimeWorkers {

  private static final Logger LOG = Logger.getLogger(RealtimeWorkers.class.getName());

  /** How long one rebuild step may run before the loop looks again. */
  private static final Duration REBUILD_SLICE = Duration.ofSeconds(5);

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Inject RealtimeEngine engine;

  @Inject RebuildWorker rebuilds;

  @Inject RealtimeSettings settings;

  private volatile ScheduledExecutorService executor;

  void start(@Observes DatabaseReady ready) {
    if (!settings.enabled()) {
      LOG.info("real-time segment workers are off (herald.segments.realtime.enabled=false)");
      return;
    }
    int partitions = settings.eventWorkers();
    engine.preparePartitions();
    executor = Executors.newScheduledThreadPool(3 + partitions, threads);
    for (int k = 0; k < partitions; k++) {
      int partition = k;
      Backlog backlog = new Backlog(settings.backlogPatience(), settings.backlogRest());
      schedule(
          partitions == 1 ? "events feed" : "events feed " + partition,
          () ->
              paced(backlog, () -> engine.eventsStep(partition), System::nanoTime, Thread::sleep));
    }
    schedule("people feed", engine::people);
    schedule("re-checks", engine::rechecks);
    schedule("rebuilds", () -> rebuilds.step(REBUILD_SLICE));
    LOG.info("real-time segment workers started");
  }

  /** Sleeps (a seam for tests). */
  @FunctionalInterface
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  /**
   * Runs one step of an events-feed loop and takes the rest {@code backlog} asks for after it.
   *
   * @return whether the step found work (the loop goes on)
   */
  static boolean paced(
      Backlog backlog, Supplier<Backlog.Found> step, LongSupplier nanoTime, Sleeper sleeper) {
    long start = nanoTime.getAsLong();
    Backlog.Found found = step.get();
    Duration rest = backlog.after(found, Duration.ofNanos(nanoTime.getAsLong() - start));
    if (rest.toMillis() > 0) {
      try {
        sleeper.sleep(rest.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the loop ends: the node is stopping
      }
    }
    return found != Backlog.Found.NOTHING;
  }

  private void schedule(String name, BooleanSupplier step) {
    long idle = settings.idleMillis();
    executor.scheduleWithFixedDelay(() -> run(name, step), idle, idle, TimeUnit.MILLISECONDS);
  }

  /** Repeats {@code step} while it finds work. */
  private static void run(String name, BooleanSupplier step) {
    try {
      while (!Thread.currentThread().isInterrupted() && step.getAsBoolean()) {
        // found work: go on at once
      }
    } catch (RuntimeException e) {
      // Logged, then tried again after the pause: a failing batch is retried, never lost.
      LOG.log(Level.WARNING, "segments " + name + " worker failed; retrying", e);
    }
  }

  /**
   * Starts on a requested rebuild at once instead of at the rebuild loop's next turn (the loop
   * still finds it if this node is busy or the request came from another node).
   */
  void rebuildRequested(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) DefaultSegmentRebuilds.Requested request) {
    ScheduledExecutorService running = executor;
    if (running != null && !running.isShutdown()) {
      running.execute(() -> run("rebuilds", () -> rebuilds.step(REBUILD_SLICE)));
    }
  }

  @PreDestroy
  void stop() {
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
