package io.herald.bench.segments;

import io.herald.bench.support.KeepAliveHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.apache.hc.core5.http.ClassicHttpRequest;

/**
 * Open-loop HTTP load at a fixed rate: request {@code i} is due at {@code start + i / rate}, sent
 * by whichever of the worker threads is free, and its latency counts from when it was due (so a
 * server stall shows in full, not hidden by the client waiting: no coordinated omission). Runs
 * until {@link Running#stop()}.
 *
 * <p>The requests go through Apache HttpClient's blocking client, one keep-alive connection per
 * worker thread. The JDK's {@code java.net.http} client, used before 2026-12-05, hands every
 * request to its selector thread and back (even {@code send}), and took ~35% of a core at 1,000
 * requests/s: on the benchmark's two cores that CPU was taken from Herald and the database, which a
 * real client on another machine does not do.
 */
final class RateLoad {

  /**
   * One request: when it was due (nanoTime), how long from then until its answer and from its
   * sending until its answer (the server's share when the driver fell behind), in microseconds.
   */
  record Sample(long dueNanos, long latencyMicros, long serviceMicros, boolean failed) {}

  /** What a run did. */
  record Result(long start, long end, List<Sample> samples, long failures, String firstFailure) {

    double seconds() {
      return (end - start) / 1e9;
    }

    /** Latencies (from when due) of the requests due in {@code [from, to)} (nanoTime). */
    Histogram latencies(long from, long to) {
      return histogram(from, to, false);
    }

    Histogram latencies() {
      return latencies(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * Where the slowest answers were: the second of the run (counted from its start) whose requests
     * waited longest, with that wait in milliseconds, and how many seconds had a request over 1 s.
     */
    String slowestSecond() {
      java.util.Map<Long, Long> worst = new java.util.TreeMap<>();
      for (Sample s : samples) {
        worst.merge((s.dueNanos() - start) / 1_000_000_000L, s.latencyMicros(), Math::max);
      }
      var slowest = worst.entrySet().stream().max(java.util.Map.Entry.comparingByValue());
      long overOne = worst.values().stream().filter(v -> v > 1_000_000L).count();
      return slowest
          .map(
              e ->
                  String.format(
                      "slowest second +%d s (max %.0f ms), %d second(s) with an answer over 1 s",
                      e.getKey(), e.getValue() / 1000.0, overOne))
          .orElse("no requests");
    }

    /** Service times (from sending) of the requests due in {@code [from, to)} (nanoTime). */
    Histogram serviceTimes(long from, long to) {
      return histogram(from, to, true);
    }

    private Histogram histogram(long from, long to, boolean service) {
      Histogram h = new Histogram(600_000_000L, 3);
      for (Sample s : samples) {
        if (s.dueNanos() >= from && s.dueNanos() < to) {
          h.recordValue(Math.min(service ? s.serviceMicros() : s.latencyMicros(), 599_000_000L));
        }
      }
      return h;
    }
  }

  /** A run in progress. */
  final class Running {
    private final List<Future<List<Sample>>> workers;
    private final ExecutorService pool;
    private final long start;
    private final AtomicLong failures;
    private final StringBuffer firstFailure;
    private final AtomicBoolean stopped;
    private final KeepAliveHttp http;

    private Running(
        List<Future<List<Sample>>> workers,
        ExecutorService pool,
        long start,
        AtomicLong failures,
        StringBuffer firstFailure,
        AtomicBoolean stopped,
        KeepAliveHttp http) {
      this.workers = workers;
      this.pool = pool;
      this.start = start;
      this.failures = failures;
      this.firstFailure = firstFailure;
      this.stopped = stopped;
      this.http = http;
    }

    long start() {
      return start;
    }

    void stop() {
      stopped.set(true);
    }

    Result await() throws Exception {
      List<Sample> all = new ArrayList<>();
      for (Future<List<Sample>> w : workers) {
        all.addAll(w.get());
      }
      long end = System.nanoTime();
      pool.shutdown();
      http.close();
      return new Result(start, end, all, failures.get(), firstFailure.toString());
    }
  }

  /**
   * Starts sending {@code rate} requests per second from {@code threads} threads; request {@code i}
   * is {@code request.apply(i)}.
   */
  Running start(int rate, int threads, LongFunction<ClassicHttpRequest> request) {
    KeepAliveHttp http = new KeepAliveHttp(threads);
    AtomicLong next = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    StringBuffer firstFailure = new StringBuffer();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime() + 50_000_000L;
    double interval = 1e9 / rate;
    List<Future<List<Sample>>> workers = new ArrayList<>();
    AtomicBoolean stopped = new AtomicBoolean();
    for (int t = 0; t < threads; t++) {
      workers.add(
          pool.submit(
              () -> {
                List<Sample> samples = new ArrayList<>();
                while (!stopped.get()) {
                  long i = next.getAndIncrement();
                  long due = start + (long) (i * interval);
                  for (long wait = due - System.nanoTime(); wait > 0; ) {
                    LockSupport.parkNanos(wait);
                    wait = due - System.nanoTime();
                  }
                  if (stopped.get()) {
                    break;
                  }
                  boolean failed = false;
                  long sent = System.nanoTime();
                  String failure = http.send(request.apply(i));
                  if (failure != null) {
                    failed = true;
                    if (firstFailure.length() == 0) {
                      firstFailure.append(failure);
                    }
                  }
                  if (failed) {
                    failures.incrementAndGet();
                  }
                  long answered = System.nanoTime();
                  samples.add(
                      new Sample(due, (answered - due) / 1000, (answered - sent) / 1000, failed));
                }
                return samples;
              }));
    }
    return new Running(workers, pool, start, failures, firstFailure, stopped, http);
  }
}
