package io.herald.bench.send;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * T7's transactional sends: {@code POST /v1/send/email} at a fixed rate (open loop), each tagged
 * {@code X-Bench: t7-<prefix><n>}, latency from the call to the sink's 250 for that message.
 */
final class TransactionalLoad {

  private final Api api;
  private final SmtpSink sink;
  private final int rate;
  private final int people;
  private final String prefix;
  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private final Map<String, Long> answered = new ConcurrentHashMap<>();
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicInteger count = new AtomicInteger();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  TransactionalLoad(Api api, SmtpSink sink, int rate, int people, String prefix) {
    this.api = api;
    this.sink = sink;
    this.rate = rate;
    this.people = people;
    this.prefix = prefix;
  }

  void start() {
    timer.scheduleAtFixedRate(
        () -> {
          int i = count.getAndIncrement();
          String tag = SmtpSink.TIMED + "-" + prefix + i;
          started.put(tag, System.nanoTime());
          api.sendAsync(Api.entry(i, people, tag))
              .whenComplete(
                  (r, e) -> {
                    if (e != null || r.statusCode() != 200) {
                      failures.incrementAndGet();
                    } else {
                      answered.put(tag, System.nanoTime());
                    }
                  });
        },
        0,
        1_000_000_000L / rate,
        TimeUnit.NANOSECONDS);
  }

  /** Stops calling; the calls made so far. */
  int stop() throws InterruptedException {
    timer.shutdown();
    timer.awaitTermination(10, TimeUnit.SECONDS);
    return started.size();
  }

  /** Waits until every send so far arrived at the sink, at most {@code seconds}. */
  void awaitArrivals(int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline
        && !started.keySet().stream().allMatch(tag -> sink.arrival(tag) != null)) {
      Thread.sleep(100);
    }
  }

  /** The latency figures, once the sends had time to arrive. */
  String report(String label) {
    return report(label, Long.MAX_VALUE);
  }

  /**
   * The latency figures, and the same split by whether a send was called before {@code splitNanos}
   * (a {@link System#nanoTime()}, e.g. when the bulk batches were all accepted) or after: which
   * phase of the bulk send the tail comes from.
   */
  String report(String label, long splitNanos) {
    List<Double> millis = new ArrayList<>();
    List<Double> before = new ArrayList<>();
    List<Double> after = new ArrayList<>();
    List<Double> answers = new ArrayList<>();
    int missing = 0;
    for (Map.Entry<String, Long> e : started.entrySet()) {
      Long arrived = sink.arrival(e.getKey());
      if (arrived == null) {
        missing++;
      } else {
        double ms = (arrived - e.getValue()) / 1e6;
        millis.add(ms);
        (e.getValue() < splitNanos ? before : after).add(ms);
      }
      Long answer = answered.get(e.getKey());
      if (answer != null) {
        answers.add((answer - e.getValue()) / 1e6);
      }
    }
    millis.sort(null);
    answers.sort(null);
    before.sort(null);
    after.sort(null);
    String split =
        splitNanos == Long.MAX_VALUE
            ? ""
            : String.format(
                "; called while the bulk batches were being accepted: %,d, p50 %.1f ms, p99 %.1f"
                    + " ms; called after: %,d, p50 %.1f ms, p99 %.1f ms",
                before.size(),
                percentile(before, 0.50),
                percentile(before, 0.99),
                after.size(),
                percentile(after, 0.50),
                percentile(after, 0.99));
    return String.format(
        "%s: %,d transactional sends at %d/s, API call to the sink's 250 (of those that arrived): p50 %.1f ms (target <="
            + " 10), p99 %.1f ms (target <= 50), max %.1f ms; not arrived %d, API failures %d;"
            + " the API's answer alone p50 %.1f ms, p99 %.1f ms%s",
        label,
        started.size(),
        rate,
        percentile(millis, 0.50),
        percentile(millis, 0.99),
        millis.isEmpty() ? Double.NaN : millis.get(millis.size() - 1),
        missing,
        failures.get(),
        percentile(answers, 0.50),
        percentile(answers, 0.99),
        split);
  }

  private static double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }
}
