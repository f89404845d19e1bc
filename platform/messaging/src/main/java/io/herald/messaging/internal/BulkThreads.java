package io.herald.messaging.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ThreadFactory;

/**
 * Threads of the bulk lane's sending loops, at the lowest thread priority.
 *
 * <p>Why: a bulk send keeps every core busy (composing, SMTP, the database), and the transactional
 * lane then waited for a core: on 2 cores its API-to-SMTP latency went from under 10 ms alone to
 * hundreds of ms during a bulk send (bench/send, T7). With the launcher's JVM options ({@code
 * -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19}) the lowest Java priority is the
 * OS's lowest ({@code nice} 19), so the kernel runs transactional work first and gives bulk work
 * every core it leaves idle. Raising a thread's {@code nice} needs no privilege; lowering it again
 * does, so bulk work never runs on a request thread it would have to give back. Without those
 * options (tests, a JVM started by hand) priorities are ignored and everything works the same.
 *
 * <p>Such a thread waits long for a core on a busy machine, so it must hold nothing requests need
 * meanwhile: the loops take their connections from a pool of their own ({@code DataSources.BULK};
 * in the requests' pool, requests waited up to a second on its lock behind them). The rendering of
 * bulk enqueues ran on such threads too until 2026-12-01; it runs on the request's thread now (see
 * {@code DefaultMessageService.enqueueBulk}): at the lowest priority it waited long for a core
 * while holding connections the transactional sends needed, and rendering there without a
 * connection (tried the same day) made the enqueue slower without making transactional sends
 * faster.
 */
@ApplicationScoped
public class BulkThreads {

  /** The container's managed thread factory (a plain one in tests). */
  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ThreadFactory threads;

  /** Creates threads of the bulk lane: container-managed, lowest priority. */
  ThreadFactory factory() {
    ThreadFactory managed = threads;
    return task -> {
      Thread t = managed.newThread(task);
      t.setPriority(Thread.MIN_PRIORITY);
      return t;
    };
  }
}
