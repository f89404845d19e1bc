package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Transactional traffic: what counts as it, and how bulk work waits for it. */
class TransactionalTrafficTest {

  private final TransactionalTraffic traffic = new TransactionalTraffic();

  private TransactionalRequests filter() {
    TransactionalRequests filter = new TransactionalRequests();
    filter.traffic = traffic;
    return filter;
  }

  private static HttpServletRequest request(String uri) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            TransactionalTrafficTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) -> method.getName().equals("getRequestURI") ? uri : null);
  }

  @Test
  void aTransactionalSendCountsWhileItIsHandledAndABulkBatchDoesNot() throws Exception {
    List<String> seen = new ArrayList<>();
    FilterChain chain =
        (req, res) ->
            seen.add(((HttpServletRequest) req).getRequestURI() + " " + traffic.inFlight());

    filter().doFilter(request("/v1/send/email"), null, chain);
    filter().doFilter(request("/v1/send/sms"), null, chain);
    filter().doFilter(request("/v1/send/email/batch"), null, chain);

    assertThat(seen)
        .containsExactly("/v1/send/email 1", "/v1/send/sms 1", "/v1/send/email/batch 0");
    assertThat(traffic.inFlight()).isZero();
  }

  @Test
  void aFailedRequestStopsCounting() {
    FilterChain failing =
        (ServletRequest req, jakarta.servlet.ServletResponse res) -> {
          throw new IllegalStateException("boom");
        };

    assertThatThrownBy(() -> filter().doFilter(request("/v1/send/email"), null, failing))
        .hasMessage("boom");
    assertThat(traffic.inFlight()).isZero();
  }

  @Test
  void bulkWorkWaitsWhileTransactionalSendsAreHandledAndNoLongerThanItsLimit() throws Exception {
    assertThat(traffic.yieldTo(TimeUnit.SECONDS.toNanos(5))).as("nothing to wait for").isFalse();

    traffic.enter();
    long start = System.nanoTime();
    assertThat(traffic.yieldTo(TimeUnit.MILLISECONDS.toNanos(20))).isTrue();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(20));

    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<Long> waited =
        CompletableFuture.supplyAsync(
            () -> {
              // The start is read before the main thread may go on: its 50 ms sleep then lies
              // wholly inside what this measures, however this thread is scheduled.
              long t = System.nanoTime();
              waiting.countDown();
              traffic.yieldTo(TimeUnit.SECONDS.toNanos(30));
              return System.nanoTime() - t;
            });
    assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(50);
    traffic.exit();
    assertThat(waited.get(10, TimeUnit.SECONDS))
        .as("the wait ends when the traffic does, not at its limit")
        .isBetween(TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.SECONDS.toNanos(10));
  }

  @Test
  void everyWaitingBulkThreadIsWokenWhenTheLastSendEndsNotBefore() throws Exception {
    traffic.enter();
    traffic.enter();
    int threads = 5;
    CountDownLatch started = new CountDownLatch(threads);
    List<CompletableFuture<Integer>> waiters = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      waiters.add(
          CompletableFuture.supplyAsync(
              () -> {
                started.countDown();
                traffic.yieldTo(TimeUnit.SECONDS.toNanos(30));
                // What it saw when it stopped waiting: no send being handled any more.
                return traffic.inFlight();
              },
              java.util.concurrent.Executors.newSingleThreadExecutor()));
    }
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    traffic.exit();
    // One send still handled: every waiter keeps waiting.
    org.awaitility.Awaitility.await()
        .during(java.time.Duration.ofMillis(100))
        .atMost(java.time.Duration.ofSeconds(5))
        .until(() -> waiters.stream().noneMatch(CompletableFuture::isDone));
    traffic.exit();
    for (CompletableFuture<Integer> waiter : waiters) {
      assertThat(waiter.get(10, TimeUnit.SECONDS)).isZero();
    }
  }

  @Test
  void anInterruptedWaitEndsAndKeepsTheInterrupt() throws Exception {
    traffic.enter();
    CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
    Thread waiter =
        new Thread(
            () -> {
              traffic.yieldTo(TimeUnit.SECONDS.toNanos(30));
              interrupted.complete(Thread.currentThread().isInterrupted());
            });
    waiter.start();
    waiter.interrupt();
    assertThat(interrupted.get(10, TimeUnit.SECONDS)).isTrue();
    traffic.exit();
  }
}
