package io.herald.messaging.internal;

import io.herald.shared.lifecycle.DatabaseReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The node's sending loop, started once the database is migrated, on a container-managed thread. It
 * repeats a step while it finds work and sleeps {@code herald.messaging.sender.idle-millis} when
 * idle; a send queued on this node wakes it at once. Every node runs it; {@code SKIP LOCKED} claims
 * share the work.
 */
@ApplicationScoped
public class MessagingWorkers {

  private static final Logger LOG = Logger.getLogger(MessagingWorkers.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Inject DeliverySender sender;

  @Inject MessagingSettings settings;

  @Inject BulkThreads bulkThreads;

  static final String TRANSACTIONAL = "transactional";
  static final String BULK = "bulk";

  /** One pool per lane, so woken drains of one lane never take the other lane's threads. */
  private final Map<String, ScheduledExecutorService> executors = new ConcurrentHashMap<>();

  /** Per lane: a woken drain is queued and has not started yet (wakes coalesce into it). */
  private final Map<String, AtomicBoolean> woken =
      Map.of(TRANSACTIONAL, new AtomicBoolean(), BULK, new AtomicBoolean());

  /** The most transactional deliveries handed straight to this node's loops at once. */
  static final int HANDOFF_CAPACITY = 1_000;

  /** Transactional deliveries handed to this node's loops; open while they run. */
  Handoff handoff = new Handoff(HANDOFF_CAPACITY);

  /**
   * Where a transactional send queued on this node hands its deliveries to the lane's loops
   * (closed, so the send queues through the database, while they do not run here).
   */
  Handoff handoff() {
    return handoff;
  }

  void start(@Observes DatabaseReady ready) {
    if (!settings.enabled()) {
      LOG.info("message sending workers are off (herald.messaging.sender.enabled=false)");
      return;
    }
    int transactional = Math.max(1, settings.transactionalThreads());
    int bulk = Math.max(1, settings.bulkThreads());
    startLane(TRANSACTIONAL, transactional);
    startLane(BULK, bulk);
    handoff.open();
    LOG.info(
        "message sending workers started: " + transactional + " transactional, " + bulk + " bulk");
  }

  private void startLane(String lane, int loops) {
    // The bulk lane's loops at the lowest priority (BulkThreads): transactional sends go first.
    ScheduledExecutorService executor =
        Executors.newScheduledThreadPool(
            loops, BULK.equals(lane) ? bulkThreads.factory() : threads);
    executors.put(lane, executor);
    long idle = settings.idleMillis();
    for (int i = 0; i < loops; i++) {
      executor.scheduleWithFixedDelay(() -> drain(lane), idle, idle, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Sends a lane's due deliveries now instead of at the loop's next turn. Wakes coalesce: while a
   * woken drain of the lane waits to start, further wakes add nothing (it will see their
   * deliveries), so a burst of sends never queues a drain per send.
   */
  void wake(String lane) {
    ScheduledExecutorService running = executors.get(lane);
    AtomicBoolean pending = woken.get(lane);
    if (running != null
        && pending != null
        && !running.isShutdown()
        && pending.compareAndSet(false, true)) {
      running.execute(
          () -> {
            pending.set(false);
            drain(lane);
          });
    }
  }

  private void drain(String lane) {
    try {
      DeliverySender.Loop loop = sender.loop(lane, TRANSACTIONAL.equals(lane) ? handoff : null);
      while (!Thread.currentThread().isInterrupted() && loop.step()) {
        // found work: go on at once (the next step records this batch's outcomes)
      }
      loop.finish();
    } catch (RuntimeException e) {
      // Logged, then tried again after the pause: claimed deliveries come back when their lease
      // runs out.
      LOG.log(Level.WARNING, "message sending worker failed; retrying", e);
    }
  }

  @PreDestroy
  void stop() {
    handoff.close();
    executors.values().forEach(ScheduledExecutorService::shutdownNow);
    for (ScheduledExecutorService executor : executors.values()) {
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
