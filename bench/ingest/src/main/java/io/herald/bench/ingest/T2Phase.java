package io.herald.bench.ingest;

import io.herald.bench.support.CpuMeter;
import io.herald.bench.support.Load;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/** T2: single Track calls beside the no-op endpoint, with wrk or with the JDK client driver. */
final class T2Phase {

  private T2Phase() {}

  /**
   * T2 with wrk: each call at 16 and at 64 connections (the p99 target is read at both: 64 is
   * PERFORMANCE-NOTES' load, 16 one a node meets well below its peak).
   */
  static void wrk(List<String> report, CpuMeter cpu, WrkLoad wrk, String trackAuth, Duration time)
      throws Exception {
    Map<String, WrkLoad.Call> calls = new LinkedHashMap<>();
    calls.put(
        "no-op JAX-RS", new WrkLoad.Call("POST", "/bench/noop", trackAuth, Payloads.trackEvent(1)));
    calls.put(
        "Track event",
        new WrkLoad.Call(
            "POST", "/api/v1/customers/{user}/events", trackAuth, Payloads.trackEvent(1)));
    calls.put(
        "Track identify",
        new WrkLoad.Call("PUT", "/api/v1/customers/{user}", trackAuth, "{\"plan\":\"p1\"}"));
    for (int connections : new int[] {16, 64}) {
      double noopRate = 0;
      for (Map.Entry<String, WrkLoad.Call> call : calls.entrySet()) {
        wrk.run(call.getValue(), connections, Duration.ofSeconds(5)); // warm-up
        CpuMeter.Sample before = cpu.sample();
        WrkLoad.Result r = wrk.run(call.getValue(), connections, time);
        CpuMeter.Sample done = cpu.sample();
        double rate = r.perSecond();
        if (noopRate == 0) {
          noopRate = rate;
        }
        report.add(
            String.format(
                "T2 %s, wrk %d connections: %,.0f req/s = %.0f%% of no-op (target >= 30%%); p50"
                    + " %.1f ms, p99 %.1f ms (target <= 20); errors %d | CPU per request: herald"
                    + " %.0f µs, mysqld %.0f µs | %s",
                call.getKey(),
                connections,
                rate,
                100 * rate / noopRate,
                r.p50Millis(),
                r.p99Millis(),
                r.errors(),
                CpuMeter.microsPer(before, done, "herald", r.requests()),
                CpuMeter.microsPer(before, done, "mysqld", r.requests()),
                CpuMeter.describe(before, done)));
      }
    }
  }

  /** T2 with the JDK client driver (the earlier runs' method). */
  static void java(
      List<String> report,
      CpuMeter cpu,
      Load load,
      String base,
      String trackAuth,
      long people,
      int t2Clients,
      Duration t2Time)
      throws Exception {
    Map<String, LongFunction<HttpRequest>> calls = new LinkedHashMap<>();
    calls.put(
        "no-op JAX-RS",
        i -> IngestBench.post(base + "bench/noop", trackAuth, Payloads.trackEvent(i)));
    calls.put(
        "Track event",
        i ->
            IngestBench.post(
                base + "api/v1/customers/" + Payloads.user(i, people) + "/events",
                trackAuth,
                Payloads.trackEvent(i)));
    calls.put(
        "Track identify",
        i ->
            HttpRequest.newBuilder(
                    URI.create(base + "api/v1/customers/" + Payloads.user(i, people)))
                .header("Authorization", trackAuth)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"plan\":\"p" + (i % 7) + "\"}"))
                .build());
    double noopRate = 0;
    for (Map.Entry<String, LongFunction<HttpRequest>> call : calls.entrySet()) {
      load.run(t2Clients, -1, Duration.ofSeconds(5), call.getValue()); // warm-up
      CpuMeter.Sample before = cpu.sample();
      Load.Result r = load.run(t2Clients, -1, t2Time, call.getValue());
      CpuMeter.Sample done = cpu.sample();
      double rate = (r.requests() - r.failures()) / r.seconds();
      if (noopRate == 0) {
        noopRate = rate;
      }
      report.add(
          String.format(
              "T2 %s, %d clients: %,.0f req/s = %.0f%% of no-op (target >= 30%%); p50 %.1f ms,"
                  + " p99 %.1f ms (target <= 20); failures %d %s| CPU per request: herald %.0f"
                  + " µs, mysqld %.0f µs | %s",
              call.getKey(),
              t2Clients,
              rate,
              100 * rate / noopRate,
              r.p50Millis(),
              r.p99Millis(),
              r.failures(),
              IngestBench.failureNote(r),
              CpuMeter.microsPer(before, done, "herald", r.requests()),
              CpuMeter.microsPer(before, done, "mysqld", r.requests()),
              CpuMeter.describe(before, done)));
    }
  }
}
