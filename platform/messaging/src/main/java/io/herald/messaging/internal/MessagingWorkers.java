package io.herald.messaging.internal;

import io.herald.shared.lifecycle.DatabaseReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

  static final String TRANSACTIONAL = "transactional";
  static final String BULK = "bulk";

  private volatile ScheduledExecutorService executor;

  void start(@Observes DatabaseReady ready) {
    if (!settings.enabled()) {
      LOG.info("message sending workers are off (herald.messaging.sender.enabled=false)");
      return;
    }
    int transactional = Math.max(1, settings.transactionalThreads());
    int bulk = Math.max(1, settings.bulkThreads());
    executor = Executors.newScheduledThreadPool(transactional + bulk, threads);
    long idle = settings.idleMillis();
    for (int i = 0; i < transactional; i++) {
      executor.scheduleWithFixedDelay(
          () -> drain(TRANSACTIONAL), idle, idle, TimeUnit.MILLISECONDS);
    }
    for (int i = 0; i < bulk; i++) {
      executor.scheduleWithFixedDelay(() -> drain(BULK), idle, idle, TimeUnit.MILLISECONDS);
    }
    LOG.info(
        "message sending workers started: " + transactional + " transactional, " + bulk + " bulk");
  }

  /** Sends a lane's due deliveries now instead of at the loop's next turn. */
  void wake(String lane) {
    ScheduledExecutorService running = executor;
    if (running != null && !running.isShutdown()) {
      running.execute(() -> drain(lane));
    }
  }

  private void drain(String lane) {
    try {
      DeliverySender.Loop loop = sender.loop(lane);
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
