package io.herald.bench.ingest;

import io.herald.bench.support.CpuMeter;
import io.herald.bench.support.Load;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * T1 at fixed rates: the same {@code /v1/batch} requests at shares of the baseline's rate (30% and
 * 50%), each request's latency counted from when it was due. Closed-loop clients measure the
 * latency of a saturated server (16 clients x 100 events make 1,600 / rate seconds per request by
 * Little's law, whatever Herald does); this is the latency at the target throughput.
 */
final class PacedT1 {

  private PacedT1() {}

  static List<String> run(
      Load load,
      CpuMeter cpu,
      List<Double> shares,
      double jdbcRate,
      int batch,
      long people,
      int clients,
      Duration time,
      String url,
      String writeAuth)
      throws Exception {
    List<String> report = new ArrayList<>();
    for (double share : shares) {
      double perSecond = share * jdbcRate / batch;
      String run = "p" + Math.round(share * 100) + "-" + System.currentTimeMillis();
      CpuMeter.Sample before = cpu.sample();
      Load.Result paced =
          load.paced(
              clients,
              perSecond,
              time,
              i ->
                  IngestBench.post(
                      url, writeAuth, Payloads.trackBatch(run, i * batch, batch, people)));
      report.add(
          String.format(
              "T1 paced at %.0f%% of JDBC (%,.0f events/s offered, %d connections, %.0f s):"
                  + " %,.0f events/s acknowledged; p50 %.1f ms, p99 %.1f ms from when each"
                  + " request was due (target <= 50); failures %d %s| %s",
              share * 100,
              perSecond * batch,
              clients,
              paced.seconds(),
              (paced.requests() - paced.failures()) * batch / paced.seconds(),
              paced.p50Millis(),
              paced.p99Millis(),
              paced.failures(),
              IngestBench.failureNote(paced),
              CpuMeter.describe(before, cpu.sample())));
    }
    return report;
  }
}
