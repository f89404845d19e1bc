package io.herald.journeys.internal;

import io.herald.events.api.ChangeFeed;
import io.herald.events.api.HeaderBatch;
import io.herald.events.api.RecordedEvent;
import io.herald.people.api.PersonChangeFeed;
import io.herald.shared.lifecycle.DatabaseReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The node's journey loops, started once the database is migrated, on container-managed threads:
 * {@code herald.journeys.pollers} timer pollers, the date-trigger poller, one reader of the events
 * change feed (consumer {@code journeys}), one of the segment membership journal, one of people's
 * change feed (consumer {@code journeys.dates}) and one of the objects change journal. Every node
 * runs them; {@code SKIP LOCKED} claims share the timers and due dates, and the feeds' positions
 * are shared (at least once). A batch of the events or people feed that no journey cares about
 * ({@link FeedFilter}) opens no transaction and only moves the position on in memory (stored about
 * once a second); one that did something stores its position at once.
 */
@ApplicationScoped
public class JourneyWorkers {

  static final String EVENTS_CONSUMER = "journeys";

  static final String PEOPLE_CONSUMER = "journeys.dates";

  private static final Logger LOG = Logger.getLogger(JourneyWorkers.class.getName());

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Inject JourneyEngine engine;

  @Inject JourneySettings settings;

  @Inject ChangeFeed events;

  @Inject PersonChangeFeed people;

  private ScheduledExecutorService executor;

  void start(@Observes DatabaseReady ready) {
    if (!settings.enabled) {
      LOG.info("journey workers are off (herald.journeys.enabled=false)");
      return;
    }
    // Failing here (logged) only means a first boot reads the feeds from their start, as before.
    guarded("feed start", this::startFeedsAtEnd);
    int pollers = Math.max(1, settings.pollers);
    executor = Executors.newScheduledThreadPool(pollers + 5, threads);
    long pause = Math.max(10, settings.pollMillis);
    for (int i = 0; i < pollers; i++) {
      executor.scheduleWithFixedDelay(
          () -> guarded("timer poller", () -> engine.engine().poller.drain()),
          pause,
          pause,
          TimeUnit.MILLISECONDS);
    }
    executor.scheduleWithFixedDelay(
        () -> guarded("event feed", this::drainEvents), pause, pause, TimeUnit.MILLISECONDS);
    executor.scheduleWithFixedDelay(
        () ->
            guarded(
                "segment feed",
                () -> {
                  while (engine.engine().segmentFeed.step(settings.feedBatchSize) > 0) {
                    // more may be waiting
                  }
                }),
        pause,
        pause,
        TimeUnit.MILLISECONDS);
    executor.scheduleWithFixedDelay(
        () -> guarded("date poller", () -> engine.engine().dates.drain()),
        pause,
        pause,
        TimeUnit.MILLISECONDS);
    executor.scheduleWithFixedDelay(
        () -> guarded("people feed", this::drainPeople), pause, pause, TimeUnit.MILLISECONDS);
    executor.scheduleWithFixedDelay(
        () ->
            guarded(
                "object feed",
                () -> {
                  while (engine.engine().objects.step(settings.feedBatchSize) > 0) {
                    // more may be waiting
                  }
                }),
        pause,
        pause,
        TimeUnit.MILLISECONDS);
    LOG.info(
        "journey workers started: "
            + pollers
            + " timer pollers, a date poller, 4 feed readers (events, segments, people, objects)");
  }

  /**
   * A first start (no position yet) reads every feed from its current end, not from 0: triggers are
   * for changes from now on (a journey only ever reacts to what happens after its activation), so
   * reading the whole history of events, people and objects on a first boot would only take time.
   * Positions already kept are left alone.
   */
  void startFeedsAtEnd() {
    events.startAtEnd(EVENTS_CONSUMER);
    people.startAtEnd(PEOPLE_CONSUMER);
    engine.engine().segmentFeed.startAtEnd();
    engine.engine().objects.startAtEnd();
  }

  private void drainEvents() {
    while (!Thread.currentThread().isInterrupted()) {
      // Headers first: only the events a journey may act on are read whole.
      HeaderBatch batch = events.readHeaders(EVENTS_CONSUMER, settings.feedBatchSize);
      if (batch.headers().isEmpty()) {
        return;
      }
      Engine e = engine.engine();
      Set<Long> relevant = e.feedFilter.relevant(batch.headers());
      if (relevant.isEmpty()) {
        // Replaying these after a crash changes nothing: stored about once a second.
        events.advance(EVENTS_CONSUMER, batch.handled(List.of()));
      } else {
        List<RecordedEvent> whole = events.events(relevant);
        e.triggers.onEvents(whole);
        events.acknowledge(EVENTS_CONSUMER, batch.handled(whole));
      }
    }
  }

  private void drainPeople() {
    while (!Thread.currentThread().isInterrupted()) {
      PersonChangeFeed.Batch batch = people.read(PEOPLE_CONSUMER, settings.feedBatchSize);
      if (batch.changes().isEmpty()) {
        return;
      }
      Engine e = engine.engine();
      boolean scheduled = e.dates.onPersonChanges(batch.changes());
      List<PersonChangeFeed.Entry> waiting = e.feedFilter.waitingPeople(batch.changes());
      e.triggers.onPersonChanges(waiting);
      if (scheduled || !waiting.isEmpty()) {
        people.acknowledge(PEOPLE_CONSUMER, batch);
      } else {
        people.advance(PEOPLE_CONSUMER, batch);
      }
    }
  }

  private static void guarded(String what, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      // Logged, then tried again after the pause: nothing was acknowledged or taken.
      LOG.log(Level.WARNING, "journey " + what + " failed; retrying", e);
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
