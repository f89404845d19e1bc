package io.herald.bench.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Track call's share of the no-op read from short alternating windows: no-op, call, no-op, call,
 * …, no-op. Each call window is divided by the mean of the two no-op windows around it, and the
 * line gives the median of those ratios with their range. On these two-core machines one warm
 * Herald answered the same script at 1,814 to 3,722 req/s in consecutive windows (2026-12-07), so a
 * share read from one window of the call and another of the no-op, minutes apart, is a sample of
 * that spread; neighbouring windows see the same machine.
 */
final class PairedShares {

  /** How many call windows, and how long each window runs. */
  record Plan(int pairs, Duration window) {
    boolean skipped() {
      return pairs <= 0 || window.isZero();
    }
  }

  /** The windows of one call and its ratios. */
  record Share(List<Double> noop, List<Double> call, List<Double> callP99) {

    /** Copies the rates; there is one no-op window more than call windows. */
    Share {
      noop = List.copyOf(noop);
      call = List.copyOf(call);
      callP99 = List.copyOf(callP99);
      if (noop.size() != call.size() + 1) {
        throw new IllegalArgumentException(
            noop.size() + " no-op windows around " + call.size() + " call windows");
      }
    }

    /** Each call window against the mean of the no-op windows before and after it. */
    List<Double> ratios() {
      List<Double> ratios = new ArrayList<>(call.size());
      for (int i = 0; i < call.size(); i++) {
        ratios.add(call.get(i) / ((noop.get(i) + noop.get(i + 1)) / 2));
      }
      return ratios;
    }

    String describe(String name, int connections, Duration window) {
      List<Double> ratios = ratios();
      return String.format(
          Locale.ROOT,
          "T2 %s, paired windows at %d connections: median %.0f%% of the neighbouring no-op"
              + " windows (target >= 30%%), range %.0f-%.0f%% over %d windows of %d s; call %s"
              + " req/s, no-op %s req/s; median p99 %.1f ms",
          name,
          connections,
          100 * median(ratios),
          100 * ratios.stream().mapToDouble(Double::doubleValue).min().orElse(0),
          100 * ratios.stream().mapToDouble(Double::doubleValue).max().orElse(0),
          call.size(),
          window.toSeconds(),
          rates(call),
          rates(noop),
          median(callP99));
    }
  }

  private PairedShares() {}

  /** Runs {@code plan.pairs()} call windows, each between two no-op windows. */
  static Share measure(
      WrkLoad wrk, WrkLoad.Call noop, WrkLoad.Call call, int connections, Plan plan)
      throws Exception {
    List<Double> noopRates = new ArrayList<>();
    List<Double> callRates = new ArrayList<>();
    List<Double> callP99 = new ArrayList<>();
    noopRates.add(wrk.run(noop, connections, plan.window()).perSecond());
    for (int i = 0; i < plan.pairs(); i++) {
      WrkLoad.Result r = wrk.run(call, connections, plan.window());
      callRates.add(r.perSecond());
      callP99.add(r.p99Millis());
      noopRates.add(wrk.run(noop, connections, plan.window()).perSecond());
    }
    return new Share(noopRates, callRates, callP99);
  }

  /** The median (the mean of the middle two of an even count). */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String rates(List<Double> rates) {
    return String.join(
        "/", rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList());
  }
}
