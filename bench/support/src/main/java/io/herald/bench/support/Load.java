package io.herald.bench.support;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;

/** Closed-loop HTTP load: N threads, each sending its next request as soon as the last answered. */
public final class Load {

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

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
  public Result run(int threads, long count, Duration duration, LongFunction<HttpRequest> request)
      throws Exception {
    AtomicLong next = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    StringBuffer firstFailure = new StringBuffer();
    long deadline = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
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
                  try {
                    HttpResponse<String> response =
                        http.send(request.apply(i), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                      failures.incrementAndGet();
                      if (firstFailure.length() == 0) {
                        firstFailure
                            .append(response.statusCode())
                            .append(' ')
                            .append(response.body());
                      }
                    }
                  } catch (Exception e) {
                    failures.incrementAndGet();
                    if (firstFailure.length() == 0) {
                      firstFailure.append(e);
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
    return new Result(all.getTotalCount(), failures.get(), seconds, all, firstFailure.toString());
  }
}
