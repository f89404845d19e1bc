package io.herald.journeys.internal;

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
 * The node's broadcast worker, started once the database is migrated (with the journey workers,
 * {@code herald.journeys.enabled}): every {@code herald.journeys.poll-millis} it works due
 * broadcasts until none is due. Every node runs one; the broadcast rows' {@code SKIP LOCKED} claims
 * share the work.
 */
@ApplicationScoped
public class BroadcastWorkers {

  private static final Logger LOG = Logger.getLogger(BroadcastWorkers.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Inject BroadcastEngine engine;

  @Inject JourneySettings settings;

  private ScheduledExecutorService executor;

  void start(@Observes DatabaseReady ready) {
    if (!settings.enabled) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(threads);
    long pause = Math.max(10, settings.pollMillis);
    executor.scheduleWithFixedDelay(this::drain, pause, pause, TimeUnit.MILLISECONDS);
  }

  private void drain() {
    try {
      engine.broadcasts().drain();
    } catch (RuntimeException e) {
      // Nothing of the failed chunk was committed; it is tried again after the pause.
      LOG.log(Level.WARNING, "journey broadcasts failed; retrying", e);
    }
  }

  @PreDestroy
  void stop() {
    if (executor == null) {
      return;
    }
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
