package io.herald.bench.journeys;

import io.herald.bench.support.HeraldProcess;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * T5c (crash): two Herald nodes on one database drain a burst of due steps, and one node is killed
 * ({@code SIGKILL}, as {@code kill -9}) when a third of the runs have ended. The dead node's open
 * batches roll back when the database ends its connections, and the other node runs them (a step
 * that had failed there is leased, {@code HERALD_JOURNEYS_LEASE_SECONDS}, 10 here by default).
 * Counted with the unique key (run, node, outcome) of the step log: zero lost (every run ended, no
 * timer left) and zero duplicated executions. Baseline in the same run: the raw claim loop (4
 * threads).
 */
final class CrashBench {

  private CrashBench() {}

  static void run(
      Connection c,
      long journey,
      Settings s,
      HeraldProcess nodeA,
      Callable<HeraldProcess> startNodeB,
      List<String> report)
      throws Exception {
    JourneysBench.say("T5c: scheduling %,d runs waiting at the delay", s.steps());
    JourneysBench.schedule(c, journey, s.steps());
    double raw = RawClaimLoop.run(c, s.steps(), 4);
    try (HeraldProcess nodeB = startNodeB.call()) {
      AtomicLong endedAtKill = new AtomicLong(-1);
      Thread killer =
          new Thread(
              () -> {
                try (Connection k =
                    java.sql.DriverManager.getConnection(
                        c.getMetaData().getURL(), JourneysBench.USER, JourneysBench.PASSWORD)) {
                  long ended;
                  do {
                    Thread.sleep(50);
                    ended = ended(k, journey);
                  } while (ended < s.steps() / 3);
                  ProcessHandle.of(nodeA.serverPid()).ifPresent(ProcessHandle::destroyForcibly);
                  endedAtKill.set(ended);
                  JourneysBench.say("T5c: node A killed (SIGKILL) at %,d runs ended", ended);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      killer.start();
      double seconds = JourneysBench.release(c, journey, s.steps());
      killer.join();
      report.add(
          String.format("Baseline: raw SKIP LOCKED claim loop, 4 threads: %,.0f rows/s", raw));
      report.add(
          String.format(
              "T5c Herald, 2 nodes, node A killed with SIGKILL at %,d of %,d runs ended: all"
                  + " drained in %.1f s = %,.0f steps/s (%.0f%% of the raw loop), the"
                  + " kill included",
              endedAtKill.get(),
              s.steps(),
              seconds,
              s.steps() / seconds,
              100 * s.steps() / seconds / raw));
      report.add(JourneysBench.exactlyOnce(c, journey, s.steps()));
      report.add(
          "Unique key (run, node, outcome) of the step log: "
              + count(
                  c,
                  "SELECT COUNT(*) FROM (SELECT s.run_id, s.node, s.outcome FROM journeys_step s"
                      + " JOIN journeys_run r ON r.id = s.run_id WHERE r.journey_id = "
                      + journey
                      + " GROUP BY s.run_id, s.node, s.outcome HAVING COUNT(*) > 1) d")
              + " duplicated executions; "
              + count(
                  c,
                  "SELECT COUNT(*) FROM journeys_run WHERE journey_id = "
                      + journey
                      + " AND state = 'active'")
              + " runs lost (still active)");
    }
  }

  private static long ended(Connection c, long journey) throws Exception {
    return count(
        c,
        "SELECT COUNT(*) FROM journeys_run WHERE journey_id = "
            + journey
            + " AND state <> 'active'");
  }

  private static long count(Connection c, String sql) throws Exception {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
