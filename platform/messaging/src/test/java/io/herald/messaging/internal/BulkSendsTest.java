package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.messaging.api.BulkSendResult;
import io.herald.messaging.api.EmailSend;
import io.herald.messaging.api.InvalidMessageException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The bulk enqueue's gate: how many batches render at once, that inserts do not hold it, and that a
 * batch reads ahead only once it holds it.
 */
class BulkSendsTest {

  private static final List<EmailSend> TEN = Collections.nCopies(10, null);

  /** Takes any rows; waits for {@code release} first (up to 5 s) and says whether it came. */
  private static final class WaitingWriter extends DeliveryWriter {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release;
    volatile boolean released;

    WaitingWriter(CountDownLatch release) {
      this.release = release;
    }

    @Override
    List<Long> insert(List<Row> rows) {
      entered.countDown();
      try {
        released = release.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return List.of();
    }
  }

  @Test
  void noMoreBatchesRenderAtOnceThanTheGateHasPermits() throws Exception {
    Semaphore gate = new Semaphore(2, true);
    AtomicInteger rendering = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Function<EmailSend, PreparedSend> prepare =
        send -> {
          most.accumulateAndGet(rendering.incrementAndGet(), Math::max);
          try {
            // Each entry waits (briefly) for another batch to render at the same time.
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            while (rendering.get() < 2 && System.nanoTime() < until) {
              Thread.sleep(1);
            }
            Thread.sleep(1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          rendering.decrementAndGet();
          throw new InvalidMessageException(List.of("refused on purpose"));
        };
    WaitingWriter writer = new WaitingWriter(new CountDownLatch(0));
    ExecutorService callers = Executors.newFixedThreadPool(6);

    List<CompletableFuture<List<BulkSendResult>>> batches =
        java.util.stream.IntStream.range(0, 6)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () ->
                            BulkSends.enqueue(
                                TEN, () -> prepare, () -> {}, gate, writer, new MessagingWorkers()),
                        callers))
            .toList();

    for (CompletableFuture<List<BulkSendResult>> batch : batches) {
      assertThat(batch.get(10, TimeUnit.SECONDS))
          .hasSize(10)
          .allSatisfy(r -> assertThat(r.error()).contains("refused on purpose"));
    }
    assertThat(most.get()).isEqualTo(2);
    assertThat(gate.availablePermits()).isEqualTo(2);
    callers.shutdown();
  }

  @Test
  void aBatchWaitingForItsInsertLetsTheNextOneRender() throws Exception {
    Semaphore gate = new Semaphore(1, true);
    CountDownLatch secondRendered = new CountDownLatch(1);
    WaitingWriter writer = new WaitingWriter(secondRendered);
    Function<EmailSend, PreparedSend> refuse =
        send -> {
          throw new InvalidMessageException(List.of("refused"));
        };
    Function<EmailSend, PreparedSend> refuseAndSignal =
        send -> {
          secondRendered.countDown();
          throw new InvalidMessageException(List.of("refused"));
        };

    CompletableFuture<List<BulkSendResult>> first =
        CompletableFuture.supplyAsync(
            () ->
                BulkSends.enqueue(
                    TEN, () -> refuse, () -> {}, gate, writer, new MessagingWorkers()));
    assertThat(writer.entered.await(5, TimeUnit.SECONDS)).isTrue();
    List<BulkSendResult> second =
        BulkSends.enqueue(
            TEN,
            () -> refuseAndSignal,
            () -> {},
            gate,
            new WaitingWriter(new CountDownLatch(0)),
            new MessagingWorkers());

    assertThat(second).hasSize(10);
    assertThat(first.get(10, TimeUnit.SECONDS)).hasSize(10);
    assertThat(writer.released).as("the second batch rendered while the first waited").isTrue();
  }

  @Test
  void aBatchReadsAheadOnlyOnceItsTurnToRenderComes() throws Exception {
    Semaphore gate = new Semaphore(1, true);
    gate.acquire();
    AtomicInteger readAhead = new AtomicInteger();
    Supplier<Function<EmailSend, PreparedSend>> preparer =
        () -> {
          readAhead.incrementAndGet();
          return send -> {
            throw new InvalidMessageException(List.of("refused"));
          };
        };

    CompletableFuture<List<BulkSendResult>> waiting =
        CompletableFuture.supplyAsync(
            () ->
                BulkSends.enqueue(
                    TEN,
                    preparer,
                    () -> {},
                    gate,
                    new WaitingWriter(new CountDownLatch(0)),
                    new MessagingWorkers()));
    Awaitility.await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(readAhead.get()).isZero());
    assertThat(waiting).isNotDone();

    gate.release();
    assertThat(waiting.get(5, TimeUnit.SECONDS)).hasSize(10);
    assertThat(readAhead.get()).isEqualTo(1);
  }
}
