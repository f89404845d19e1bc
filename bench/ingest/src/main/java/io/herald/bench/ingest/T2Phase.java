package io.herald.bench.ingest;

import io.herald.bench.support.CpuMeter;
import io.herald.bench.support.JitWatch;
import io.herald.bench.support.KeepAliveHttp;
import io.herald.bench.support.Load;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.apache.hc.core5.http.ClassicHttpRequest;

/** T2: single Track calls beside the no-op endpoint, with wrk or with the JDK client driver. */
final class T2Phase {

  /** The least unmeasured run before each call at the second connection count. */
  private static final Duration SETTLE = Duration.ofSeconds(5);

  /** A warm-up goes on in windows this long until one compiles at most {@link #QUIET_JIT}. */
  private static final Duration WARM_WINDOW = Duration.ofSeconds(10);

  /**
   * Methods a warm server's JIT still compiles in a window of load: 9 to 17 in 12 s on a Herald
   * warmed for ten minutes (2026-12-07), against hundreds a window in its first minute.
   */
  private static final long QUIET_JIT = 50;

  /** The longest warm-up of one call at one connection count. */
  private static final Duration MOST_WARM_UP = Duration.ofSeconds(240);

  /** The share of the 64-connection no-op rate the paced Track calls aim at (target: 30%). */
  static final double PACED_SHARE = 0.33;

  /** The most unmeasured probes {@link #calibratedPause} runs per paced call. */
  private static final int CALIBRATION_ROUNDS = 3;

  /** How long each calibration probe runs. */
  private static final Duration CALIBRATION_PROBE = Duration.ofSeconds(5);

  /** The Track calls measured against the no-op, by their report names. */
  private static final List<String> TRACK_CALLS =
      List.of("Track event", "Track identify", "Track identify, same attributes");

  private T2Phase() {}

  /**
   * T2 with wrk: each call at 16 and at 64 connections, as many requests as the server answers
   * (closed loop: the p99 then grows with the connections by Little's law, whatever the server),
   * then the Track calls from 64 connections held near {@link #PACED_SHARE} of the no-op rate,
   * where the p99 target is read: the latency a call has at the throughput the target asks for.
   */
  static void wrk(
      List<String> report,
      CpuMeter cpu,
      WrkLoad wrk,
      String trackAuth,
      Duration time,
      Duration warmUp,
      Optional<JitWatch> jit,
      PairedShares.Plan pairs)
      throws Exception {
    Map<String, WrkLoad.Call> calls = new LinkedHashMap<>();
    calls.put(
        "no-op JAX-RS", new WrkLoad.Call("POST", "/bench/noop", trackAuth, Payloads.trackEvent(1)));
    calls.put(
        "Track event",
        new WrkLoad.Call(
            "POST", "/api/v1/customers/{user}/events", trackAuth, Payloads.trackEvent(1)));
    // Two identify shapes: an attribute that changes on every call (the row is written), and the
    // same attributes again (SDKs send the traits they have on every app start; nothing is
    // written since e282e5e, so this one measures reading, deciding and the group commit).
    calls.put(
        "Track identify",
        new WrkLoad.Call(
            "PUT", "/api/v1/customers/{user}", trackAuth, "{\"plan\":\"p1\",\"visits\":{n}}"));
    calls.put(
        "Track identify, same attributes",
        new WrkLoad.Call("PUT", "/api/v1/customers/{user}", trackAuth, "{\"plan\":\"p1\"}"));
    double noopRate = 0;
    Map<String, Double> latencyAt16 = new LinkedHashMap<>();
    for (int connections : new int[] {16, 64}) {
      noopRate = 0;
      for (Map.Entry<String, WrkLoad.Call> call : calls.entrySet()) {
        // Each call runs until the JIT is quiet (a fresh JIT measures compilation, not the call:
        // PERFORMANCE-NOTES' servers run for days), at least warmUp at the first level; the
        // second starts from warm code and mostly refills the pipes.
        JitWatch.Window load = length -> wrk.run(call.getValue(), connections, length);
        Duration least = connections == 16 ? warmUp : SETTLE;
        JitWatch.Warmed warmed =
            jit.orElse(new JitWatch(() -> -1))
                .warm(load, least, WARM_WINDOW, MOST_WARM_UP, QUIET_JIT);
        CpuMeter.Sample before = cpu.sample();
        WrkLoad.Result r = wrk.run(call.getValue(), connections, time);
        CpuMeter.Sample done = cpu.sample();
        if (connections == 16) {
          latencyAt16.put(call.getKey(), r.p50Millis());
        }
        if (noopRate == 0) {
          noopRate = r.perSecond();
        }
        report.add(
            line(
                call.getKey() + ", wrk " + connections + " connections (" + warmed.describe() + ")",
                r,
                noopRate,
                before,
                done));
      }
    }
    paired(report, wrk, calls, pairs);
    paced(report, cpu, wrk, calls, time, noopRate, latencyAt16);
  }

  /**
   * Each Track call's share again at 64 connections, from alternating windows against the no-op
   * ({@link PairedShares}): the closed-loop lines above read one window of each, minutes apart.
   */
  private static void paired(
      List<String> report, WrkLoad wrk, Map<String, WrkLoad.Call> calls, PairedShares.Plan plan)
      throws Exception {
    if (plan.skipped()) {
      report.add("T2 paired windows: skipped (BENCH_T2_PAIRS or BENCH_T2_PAIR_SECONDS is 0)");
      return;
    }
    int connections = 64;
    for (String name : TRACK_CALLS) {
      PairedShares.Share share =
          PairedShares.measure(wrk, calls.get("no-op JAX-RS"), calls.get(name), connections, plan);
      report.add(share.describe(name, connections, plan.window()));
    }
  }

  /**
   * The Track calls from 64 connections, each connection pausing after every answer so that they
   * offer about {@link #PACED_SHARE} of the no-op's 64-connection rate. The pause is calibrated
   * ({@link #calibratedPause}): a call's latency at 64 paced connections is higher than its median
   * at 16, and a pause computed from the latter offered less than the share (Track event answered
   * 27% for 33% aimed at, 2026-12-04).
   */
  private static void paced(
      List<String> report,
      CpuMeter cpu,
      WrkLoad wrk,
      Map<String, WrkLoad.Call> calls,
      Duration time,
      double noopRate,
      Map<String, Double> latencyAt16)
      throws Exception {
    int connections = 64;
    for (String name : TRACK_CALLS) {
      long pause =
          calibratedPause(
              wrk, calls.get(name), connections, PACED_SHARE * noopRate, latencyAt16.get(name));
      CpuMeter.Sample before = cpu.sample();
      WrkLoad.Result r = wrk.run(calls.get(name), connections, time, pause);
      CpuMeter.Sample done = cpu.sample();
      report.add(
          line(
              name
                  + " paced, wrk "
                  + connections
                  + " connections each pausing "
                  + pause
                  + " ms after an answer (calibrated to offer "
                  + Math.round(100 * PACED_SHARE)
                  + "% of the no-op)",
              r,
              noopRate,
              before,
              done));
    }
  }

  /**
   * The pause after each answer that makes {@code connections} connections offer {@code rate}
   * requests a second: a connection sends once per pause + latency, so each short unmeasured probe
   * reads the latency at the current pause (period less pause) and the next pause is the period the
   * rate needs less that latency. Starts from the call's median at 16 connections; at most {@link
   * #CALIBRATION_ROUNDS} probes of {@link #CALIBRATION_PROBE}; never below 1 ms (a server that
   * cannot answer the rate then shows it in the measured line's rate).
   */
  static long calibratedPause(
      WrkLoad wrk, WrkLoad.Call call, int connections, double rate, double latencyMillis)
      throws Exception {
    double period = connections * 1000.0 / rate;
    long pause = nextPause(period, latencyMillis);
    for (int round = 0; round < CALIBRATION_ROUNDS; round++) {
      WrkLoad.Result probe = wrk.run(call, connections, CALIBRATION_PROBE, pause);
      if (probe.perSecond() <= 0) {
        break;
      }
      long next = nextPause(period, connections * 1000.0 / probe.perSecond() - pause);
      if (next == pause) {
        break;
      }
      pause = next;
    }
    return pause;
  }

  /** The pause that, with {@code latencyMillis} per call, makes one request per {@code period}. */
  static long nextPause(double periodMillis, double latencyMillis) {
    return Math.max(1, Math.round(periodMillis - latencyMillis));
  }

  /** One wrk line of the report: rate, share of the no-op, latencies, CPU. */
  private static String line(
      String what,
      WrkLoad.Result r,
      double noopRate,
      CpuMeter.Sample before,
      CpuMeter.Sample done) {
    return String.format(
        "T2 %s: %,.0f req/s = %.0f%% of no-op (target >= 30%%); p50 %.1f ms, p99 %.1f ms (target"
            + " <= 20); errors %d | CPU per request: herald %.0f µs, mysqld %.0f µs | %s",
        what,
        r.perSecond(),
        100 * r.perSecond() / noopRate,
        r.p50Millis(),
        r.p99Millis(),
        r.errors(),
        CpuMeter.microsPer(before, done, "herald", r.requests()),
        CpuMeter.microsPer(before, done, "mysqld", r.requests()),
        CpuMeter.describe(before, done));
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
      Duration t2Time,
      Duration warmUp)
      throws Exception {
    Map<String, LongFunction<ClassicHttpRequest>> calls = new LinkedHashMap<>();
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
            KeepAliveHttp.put(
                base + "api/v1/customers/" + Payloads.user(i, people),
                trackAuth,
                "{\"plan\":\"p" + (i % 7) + "\"}"));
    double noopRate = 0;
    for (Map.Entry<String, LongFunction<ClassicHttpRequest>> call : calls.entrySet()) {
      load.run(t2Clients, -1, warmUp, call.getValue()); // JIT warm-up, as above
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
