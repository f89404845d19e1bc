package io.herald.messaging.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Transactional sends being handled on this node, so that bulk work can step aside for them: a bulk
 * batch renders at the priority of the request that brought it (lowering a request thread's OS
 * priority cannot be undone without privilege, see {@link BulkThreads}), and on a busy machine
 * every transactional send then waited for a core behind it.
 */
@ApplicationScoped
public class TransactionalTraffic {

  private final AtomicInteger inFlight = new AtomicInteger();

  /** Threads in {@link #yieldTo}: the last send to end wakes them only when there are some. */
  private final AtomicInteger waiting = new AtomicInteger();

  private final Object ended = new Object();

  /** A transactional send starts being handled. */
  void enter() {
    inFlight.incrementAndGet();
  }

  /** It is handled (answered or failed); the last one wakes the bulk work waiting for it. */
  void exit() {
    if (inFlight.decrementAndGet() == 0 && waiting.get() > 0) {
      synchronized (ended) {
        ended.notifyAll();
      }
    }
  }

  /** Transactional sends being handled now. */
  int inFlight() {
    return inFlight.get();
  }

  /**
   * Waits while transactional sends are being handled, at most {@code maxNanos}, woken by the last
   * of them to end. It used to poll every 0.1 ms: a bulk batch and four bulk loops waiting that way
   * were tens of thousands of wake-ups a second, CPU taken from the very sends they waited for on a
   * 2-core machine.
   *
   * @return whether it waited
   */
  boolean yieldTo(long maxNanos) {
    if (inFlight.get() == 0 || maxNanos <= 0) {
      return false;
    }
    long until = System.nanoTime() + maxNanos;
    // Registered before reading inFlight again, and exit() decrements before reading this: one of
    // the two sees the other, so a wake-up is never lost.
    waiting.incrementAndGet();
    try {
      synchronized (ended) {
        long left;
        while (inFlight.get() > 0 && (left = until - System.nanoTime()) > 0) {
          TimeUnit.NANOSECONDS.timedWait(ended, left);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      waiting.decrementAndGet();
    }
    return true;
  }
}
