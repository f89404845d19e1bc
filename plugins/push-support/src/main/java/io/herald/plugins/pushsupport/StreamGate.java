package io.herald.plugins.pushsupport;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Limits the requests one provider has in flight. The JDK's HTTP/2 client does not queue requests
 * beyond the server's {@code SETTINGS_MAX_CONCURRENT_STREAMS}: it fails them at once with "too many
 * concurrent streams" (JDK-8225647). The gate starts with {@code first} permits and opens to {@code
 * afterFirstAnswer} once an answer has come back: APNs allows a single stream on a new
 * token-authenticated connection until the first request has been answered, then many more; FCM
 * uses one width throughout.
 */
public final class StreamGate {

  private final Semaphore permits;
  private final int extra;
  private final AtomicBoolean opened = new AtomicBoolean();

  public StreamGate(int first, int afterFirstAnswer) {
    if (first < 1 || afterFirstAnswer < first) {
      throw new IllegalArgumentException("need 1 <= first <= afterFirstAnswer");
    }
    this.permits = new Semaphore(first, true);
    this.extra = afterFirstAnswer - first;
  }

  /** Waits up to {@code wait} for a free stream; {@code false} when none came free. */
  public boolean enter(Duration wait) throws InterruptedException {
    return permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Gives the stream back.
   *
   * @param answered whether the server answered (any HTTP status): the connection is established
   */
  public void leave(boolean answered) {
    if (answered && extra > 0 && opened.compareAndSet(false, true)) {
      permits.release(extra);
    }
    permits.release();
  }

  /** Streams free right now (for tests and health). */
  public int available() {
    return permits.availablePermits();
  }
}
