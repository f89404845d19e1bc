package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk work runs on its own threads at the lowest priority; the caller gets its outcome. */
class BulkThreadsTest {

  private final BulkThreads bulk = new BulkThreads();

  @BeforeEach
  void start() {
    bulk.threads = Executors.defaultThreadFactory();
    bulk.settings = new MessagingSettings();
    bulk.settings.bulkRenderThreads = 1;
    bulk.start();
  }

  @AfterEach
  void stop() {
    bulk.stop();
  }

  @Test
  void workRunsOnALowestPriorityThreadAndReturnsItsResult() {
    Thread caller = Thread.currentThread();
    Thread worker = bulk.call(Thread::currentThread);
    assertThat(worker).isNotSameAs(caller);
    assertThat(worker.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
    assertThat(caller.getPriority()).isEqualTo(Thread.NORM_PRIORITY);
    assertThat(bulk.call(() -> 42)).isEqualTo(42);
  }

  @Test
  void theWorksExceptionReachesTheCaller() {
    assertThatThrownBy(
            () ->
                bulk.call(
                    () -> {
                      throw new IllegalArgumentException("entry 3 is refused");
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("entry 3 is refused");
    assertThat(bulk.call(() -> "still running")).isEqualTo("still running");
  }

  @Test
  void theSendingLoopsFactoryMakesLowestPriorityThreads() {
    Thread t = bulk.factory().newThread(() -> {});
    assertThat(t.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
  }

  @Test
  void renderThreadsDefaultToOnePerProcessor() {
    MessagingSettings settings = new MessagingSettings();
    assertThat(settings.bulkRenderThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }
}
