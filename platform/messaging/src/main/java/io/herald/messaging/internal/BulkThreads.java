package io.herald.messaging.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * Threads of the bulk lane, at the lowest thread priority: the bulk sending loops and the rendering
 * of bulk enqueues ({@code POST /v1/send/email/batch}, broadcasts), which the calling thread hands
 * over and waits for.
 *
 * <p>Why: a bulk send keeps every core busy (rendering, composing, the database), and the
 * transactional lane then waited for a core: on 2 cores its API-to-SMTP latency went from under 10
 * ms alone to hundreds of ms during a bulk send (bench/send, T7). With the launcher's JVM options
 * ({@code -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19}) the lowest Java priority
 * is the OS's lowest ({@code nice} 19), so the kernel runs transactional work first and gives bulk
 * work every core it leaves idle. Raising a thread's {@code nice} needs no privilege; lowering it
 * again does, so bulk work never runs on a request thread it would have to give back. Without those
 * options (tests, a JVM started by hand) priorities are ignored and everything works the same.
 */
@ApplicationScoped
public class BulkThreads {

  /** The container's managed thread factory (a plain one in tests). */
  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ThreadFactory threads;

  @Inject MessagingSettings settings;

  private ExecutorService rendering;

  @PostConstruct
  void start() {
    rendering = Executors.newFixedThreadPool(Math.max(1, settings.bulkRenderThreads()), factory());
  }

  /** Creates threads of the bulk lane: container-managed, lowest priority. */
  ThreadFactory factory() {
    ThreadFactory managed = threads;
    return task -> {
      Thread t = managed.newThread(task);
      t.setPriority(Thread.MIN_PRIORITY);
      return t;
    };
  }

  /**
   * Runs {@code work} on a bulk rendering thread and returns its result once done; its exceptions
   * are thrown here.
   */
  <T> T call(Supplier<T> work) {
    Future<T> running = rendering.submit(work::get);
    try {
      return running.get();
    } catch (InterruptedException e) {
      running.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while a bulk enqueue was rendered", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @PreDestroy
  void stop() {
    if (rendering != null) {
      rendering.shutdownNow();
    }
  }
}
