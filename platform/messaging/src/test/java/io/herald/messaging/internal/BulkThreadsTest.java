package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The bulk lane's sending loops run on threads at the lowest priority. */
class BulkThreadsTest {

  @Test
  void theSendingLoopsFactoryMakesLowestPriorityThreads() {
    BulkThreads bulk = new BulkThreads();
    bulk.threads = Executors.defaultThreadFactory();
    Thread t = bulk.factory().newThread(() -> {});
    assertThat(t.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
    assertThat(Thread.currentThread().getPriority()).isEqualTo(Thread.NORM_PRIORITY);
  }
}
