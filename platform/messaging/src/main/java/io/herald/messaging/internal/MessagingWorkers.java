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

  private volatile ScheduledExecutorService executor;

  void start(@Observes DatabaseReady ready) {
    if (!settings.enabled()) {
      LOG.info("message sending workers are off (herald.messaging.sender.enabled=false)");
      return;
    }
    executor = Executors.newScheduledThreadPool(1, threads);
    long idle = settings.idleMillis();
    executor.scheduleWithFixedDelay(this::drain, idle, idle, TimeUnit.MILLISECONDS);
    LOG.info("message sending workers started");
  }

  /** Sends now instead of at the loop's next turn. */
  void wake() {
    ScheduledExecutorService running = executor;
    if (running != null && !running.isShutdown()) {
      running.execute(this::drain);
    }
  }

  private void drain() {
    try {
      while (!Thread.currentThread().isInterrupted() && sender.step()) {
        // found work: go on at once
      }
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
