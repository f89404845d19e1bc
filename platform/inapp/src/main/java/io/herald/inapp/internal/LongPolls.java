package io.herald.inapp.internal;

import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The SDK requests of this node waiting for a person's next message. A message queued on this node
 * wakes its person's waiters at once; once a second a check asks the database which waiting people
 * have a pending message (one query per workspace), so messages queued on other nodes arrive too.
 */
@ApplicationScoped
public class LongPolls {

  private static final Logger LOG = Logger.getLogger(LongPolls.class.getName());

  /** How often the database is asked for messages queued elsewhere. */
  static final long CHECK_MILLIS = 1000;

  /** Most people one check asks about in one query. */
  private static final int CHECK_CHUNK = 500;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  @Inject InAppStore store;

  @Inject Clock clock;

  private record Key(long workspaceId, String cioId) {}

  private final Map<Key, Set<Runnable>> waiting = new ConcurrentHashMap<>();

  private ScheduledExecutorService checker;

  /** A waiter's registration; cancel it when the request ends for another reason. */
  public interface Registration {
    /** Stops waiting (idempotent). */
    void cancel();
  }

  /**
   * Runs {@code ready} once, on another thread, when the person may have a pending message.
   *
   * @return the registration to cancel when the request ends first
   */
  public Registration await(WorkspaceId workspace, String cioId, Runnable ready) {
    startChecks();
    Key key = new Key(workspace.value(), cioId);
    Runnable once = new Once(ready);
    waiting.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(once);
    return () -> remove(key, once);
  }

  /** A message for the person was queued on this node: their waiters answer now. */
  public void queued(WorkspaceId workspace, String cioId) {
    wake(new Key(workspace.value(), cioId));
  }

  /**
   * Runs {@code task} once after {@code delay} on this node's long-poll thread (event streams'
   * heartbeats and ends).
   *
   * @return a handle to cancel it
   */
  public java.util.concurrent.Future<?> later(Runnable task, java.time.Duration delay) {
    startChecks();
    return checker.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** How many requests wait on this node (for tests and health). */
  int waiting() {
    return waiting.values().stream().mapToInt(Set::size).sum();
  }

  private synchronized void startChecks() {
    if (checker == null) {
      checker = Executors.newSingleThreadScheduledExecutor(threads);
      checker.scheduleWithFixedDelay(
          this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** Asks the database about every waiting person and wakes those with a message. */
  void check() {
    try {
      Map<Long, List<String>> byWorkspace = new HashMap<>();
      for (Key key : waiting.keySet()) {
        byWorkspace.computeIfAbsent(key.workspaceId(), w -> new ArrayList<>()).add(key.cioId());
      }
      for (Map.Entry<Long, List<String>> e : byWorkspace.entrySet()) {
        List<String> people = e.getValue();
        for (int from = 0; from < people.size(); from += CHECK_CHUNK) {
          List<String> chunk = people.subList(from, Math.min(people.size(), from + CHECK_CHUNK));
          for (String cioId :
              store.withPending(new WorkspaceId(e.getKey()), chunk, clock.instant())) {
            wake(new Key(e.getKey(), cioId));
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "in-app long-poll check failed; trying again", e);
    }
  }

  private void wake(Key key) {
    Set<Runnable> waiters = waiting.remove(key);
    if (waiters == null) {
      return;
    }
    ScheduledExecutorService running = checker;
    for (Runnable waiter : waiters) {
      if (running != null && !running.isShutdown()) {
        running.execute(waiter);
      } else {
        waiter.run();
      }
    }
  }

  private void remove(Key key, Runnable waiter) {
    waiting.computeIfPresent(
        key,
        (k, set) -> {
          set.remove(waiter);
          return set.isEmpty() ? null : set;
        });
  }

  @PreDestroy
  synchronized void stop() {
    if (checker != null) {
      checker.shutdownNow();
    }
    waiting.clear();
  }

  /** Runs its task at most once. */
  private static final class Once implements Runnable {
    private final java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    private final Runnable task;

    Once(Runnable task) {
      this.task = task;
    }

    @Override
    public void run() {
      if (done.compareAndSet(false, true)) {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "answering an in-app long poll failed", e);
        }
      }
    }
  }
}
