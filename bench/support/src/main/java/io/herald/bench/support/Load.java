package io.herald.bench.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.apache.hc.core5.http.ClassicHttpRequest;

/**
 * HTTP load from N threads: closed loop ({@link #run}: each thread sends its next request as soon
 * as the last answered) or paced ({@link #paced}: request {@code i} is due at {@code i / rate}
 * seconds, and its latency counts from then, so a server that falls behind is charged for the wait
 * too, as wrk2 does). Each thread has its own keep-alive connection ({@link KeepAliveHttp}).
 */
public final class Load {

  /** What a run did. */
  public record Result(
      long requests, long failures, double seconds, Histogram latencyMicros, String firstFailure) {
    /** Requests answered per second. */
    public double perSecond() {
      return requests / seconds;
    }

    /** 99th percentile latency in milliseconds. */
    public double p99Millis() {
      return latencyMicros.getValueAtPercentile(99) / 1000.0;
    }

    /** Median latency in milliseconds. */
    public double p50Millis() {
      return latencyMicros.getValueAtPercentile(50) / 1000.0;
    }
  }

  /**
   * Sends requests {@code 0..count-1} (or until {@code duration} passes when {@code count} is
   * negative) from {@code threads} threads.
   */
  public Result run(
      int threads, long count, Duration duration, LongFunction<ClassicHttpRequest> request)
      throws Exception {
    return drive(threads, count, duration, request, 0);
  }

  /**
   * Sends requests at {@code perSecond} for {@code duration} from {@code threads} threads: request
   * {@code i} is due {@code i / perSecond} seconds after the start, and its latency is measured
   * from when it was due.
   */
  public Result paced(
      int threads, double perSecond, Duration duration, LongFunction<ClassicHttpRequest> request)
      throws Exception {
    if (perSecond <= 0) {
      throw new IllegalArgumentException("the rate must be positive");
    }
    return drive(threads, -1, duration, request, perSecond);
  }

  private Result drive(
      int threads,
      long count,
      Duration duration,
      LongFunction<ClassicHttpRequest> request,
      double perSecond)
      throws Exception {
    AtomicLong next = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    StringBuffer firstFailure = new StringBuffer();
    long deadline = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    KeepAliveHttp http = new KeepAliveHttp(threads);
    List<Future<Histogram>> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      workers.add(
          pool.submit(
              () -> {
                Histogram histogram = new Histogram(60_000_000L, 3);
                while (true) {
                  long i = next.getAndIncrement();
                  if (count >= 0 ? i >= count : System.nanoTime() > deadline) {
                    return histogram;
                  }
                  long sent = System.nanoTime();
                  if (perSecond > 0) {
                    long due = start + (long) (i * 1e9 / perSecond);
                    if (due > deadline) {
                      return histogram;
                    }
                    while ((sent = System.nanoTime()) < due) {
                      java.util.concurrent.locks.LockSupport.parkNanos(due - sent);
                    }
                    sent = due;
                  }
                  String failure = http.send(request.apply(i));
                  if (failure != null) {
                    failures.incrementAndGet();
                    if (firstFailure.length() == 0) {
                      firstFailure.append(failure);
                    }
                  }
                  histogram.recordValue(Math.min((System.nanoTime() - sent) / 1000, 59_000_000L));
                }
              }));
    }
    Histogram all = new Histogram(60_000_000L, 3);
    for (Future<Histogram> w : workers) {
      all.add(w.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    http.close();
    return new Result(all.getTotalCount(), failures.get(), seconds, all, firstFailure.toString());
  }
}
