package io.herald.messaging.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Transactional sends being handled on this node, so that bulk work can step aside for them: a bulk
 * batch renders at the priority of the request that brought it (lowering a request thread's OS
 * priority cannot be undone without privilege, see {@link BulkThreads}), and on a busy machine
 * every transactional send then waited for a core behind it.
 */
@ApplicationScoped
public class TransactionalTraffic {

  private static final long PAUSE_NANOS = 100_000;

  private final AtomicInteger inFlight = new AtomicInteger();

  /** A transactional send starts being handled. */
  void enter() {
    inFlight.incrementAndGet();
  }

  /** It is handled (answered or failed). */
  void exit() {
    inFlight.decrementAndGet();
  }

  /** Transactional sends being handled now. */
  int inFlight() {
    return inFlight.get();
  }

  /**
   * Waits while transactional sends are being handled, at most {@code maxNanos}.
   *
   * @return whether it waited
   */
  boolean yieldTo(long maxNanos) {
    if (inFlight.get() == 0 || maxNanos <= 0) {
      return false;
    }
    long until = System.nanoTime() + maxNanos;
    while (inFlight.get() > 0 && System.nanoTime() < until) {
      LockSupport.parkNanos(PAUSE_NANOS);
    }
    return true;
  }
}
