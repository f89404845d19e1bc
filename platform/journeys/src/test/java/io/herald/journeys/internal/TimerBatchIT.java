package io.herald.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herald.journeys.api.JourneyState;
import io.herald.journeys.api.Json;
import io.herald.journeys.api.RunView;
import io.herald.shared.persistence.Transactions;
import io.herald.testing.CountingDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A batch of timers is claimed and run in one transaction: a failing step leaves the others
 * committed and is retried after its lease, paused and archived journeys' timers in the batch are
 * held or exit, two timers of one run see each other's writes, and the statements do not grow with
 * the batch; pausing and resuming hold and release a journey's timers a chunk per transaction.
 */
class TimerBatchIT {

  /** Before every other scenario's clock: their leftover timers are never due here. */
  private static final Instant T0 = Instant.parse("2020-03-02T10:00:00Z");

  private static final String DELAY_THEN_SEND =
      "{'name':'Batch','trigger':{'type':'api'},'entry':{'rule':'every_time'},'nodes':["
          + "{'id':'d','type':'delay','settings':{'duration':{'value':1,'unit':'days'}},"
          + "'next':'e'},"
          + "{'id':'e','type':'send_email','settings':{'from':'a@x.test','subject':'Hi',"
          + "'body':'b'}}]}";

  private static final String SEND =
      "{'name':'Send','trigger':{'type':'api'},'entry':{'rule':'every_time'},'nodes':["
          + "{'id':'e','type':'send_email','settings':{'from':'a@x.test','subject':'Hi',"
          + "'body':'b'}}]}";

  @BeforeAll
  static void database() {
    assumeTrue(
        JourneyTestDatabase.unavailable().isEmpty(),
        () -> JourneyTestDatabase.unavailable().orElse(""));
  }

  @Test
  void aFailingStepLeavesTheBatchCommittedAndRunsAgainAfterItsLease() {
    Scenario s = new Scenario(T0.plus(Duration.ofDays(10)));
    long journey = s.activeJourney(SEND);
    for (String p : List.of("a", "b", "boom", "c", "d")) {
      s.enter(journey, p, Json.object("{}"));
    }
    s.effects.failOnceFor("boom");

    assertThat(s.engine.poller.poll()).isEqualTo(5);

    for (String p : List.of("a", "b", "c", "d")) {
      assertThat(s.runOf(journey, p).steps())
          .extracting(RunView.Step::outcome)
          .containsExactly("entered", "sent", "completed");
    }
    assertThat(s.runOf(journey, "boom").steps())
        .extracting(RunView.Step::outcome)
        .containsExactly("entered");
    assertThat(s.runOf(journey, "boom").state()).isEqualTo("active");
    // Still leased: nothing runs it again before the lease ends.
    assertThat(s.engine.poller.poll()).isZero();

    s.advance(Duration.ofSeconds(61));
    assertThat(s.effects.sentTo("boom")).hasSize(1);
    assertThat(s.runOf(journey, "boom").steps())
        .extracting(RunView.Step::outcome)
        .containsExactly("entered", "sent", "completed");
    assertThat(s.effects.sent()).hasSize(5);
  }

  @Test
  void aBatchHoldsAPausedJourneysTimerAndExitsAnArchivedOnesRun() {
    Scenario s = new Scenario(T0.plus(Duration.ofDays(20)));
    long paused = s.activeJourney(DELAY_THEN_SEND);
    long archived = s.activeJourney(DELAY_THEN_SEND);
    long active = s.activeJourney(DELAY_THEN_SEND);
    s.enter(paused, "p", Json.object("{}"));
    s.enter(archived, "x", Json.object("{}"));
    s.enter(active, "a", Json.object("{}"));
    s.engine.poller.drain();
    // The states change after the timers were claimed: pausing and archiving commit while the
    // batch is on its way (set here without holding timers or exiting runs, as that race leaves
    // them).
    setState(paused, "paused");
    setState(archived, "archived");
    s.clock.set(s.clock.instant().plus(Duration.ofDays(1)));

    assertThat(s.engine.poller.poll()).isEqualTo(3);

    assertThat(s.runOf(paused, "p").steps())
        .extracting(RunView.Step::outcome)
        .containsExactly("entered", "waiting");
    assertThat(heldTimers(paused)).isEqualTo(1);
    RunView x = s.runOf(archived, "x");
    assertThat(x.state()).isEqualTo("exited");
    assertThat(x.exitReason()).isEqualTo("archived");
    assertThat(s.effects.sentTo("x")).isEmpty();
    // The send, due as the delay ends, ran right after it in the same batch.
    assertThat(s.runOf(active, "a").steps())
        .extracting(RunView.Step::outcome)
        .containsExactly("entered", "waiting", "resumed", "sent", "completed");
    assertThat(s.effects.sentTo("a")).hasSize(1);
    assertThat(s.effects.sentTo("p")).isEmpty();

    s.engine.lifecycle.change(s.ws, paused, JourneyState.ACTIVE);
    s.advance(Duration.ofMinutes(1));
    assertThat(s.effects.sentTo("p")).hasSize(1);
    assertThat(s.runOf(paused, "p").state()).isEqualTo("completed");
  }

  @Test
  void aSecondTimerOfARunInTheBatchSeesWhatTheFirstDid() {
    Scenario s = new Scenario(T0.plus(Duration.ofDays(30)));
    long journey = s.activeJourney(DELAY_THEN_SEND);
    long run = s.enter(journey, "twice", Json.object("{}"));
    s.engine.poller.drain();
    Instant due = s.clock.instant().plus(Duration.ofDays(1));
    // A stale timeout of the delay node, due just after its resume: run with the run as it was
    // read for the batch (still at 'd'), it would take the missing 'timeout' edge and end the
    // run before its send.
    Transactions.inTransaction(
        JourneyTestDatabase.dataSource(),
        "test",
        c -> {
          TimerStore.timer(c, s.ws, journey, run, "d", TimerStore.TIMEOUT, due.plusMillis(1));
          return null;
        });
    s.clock.set(due.plusMillis(1));

    assertThat(s.engine.poller.poll()).isEqualTo(2);
    s.engine.poller.drain();

    assertThat(s.runOf(journey, "twice").steps())
        .extracting(RunView.Step::outcome)
        .containsExactly("entered", "waiting", "resumed", "sent", "completed");
    assertThat(s.effects.sentTo("twice")).hasSize(1);
    assertThat(timersOf(run)).isZero();
  }

  @Test
  void aStepDueAtOnceThatFailsInTheBatchStaysDueAndRunsOnTheNextPoll() {
    Scenario s = new Scenario(T0.plus(Duration.ofDays(60)));
    long journey = s.activeJourney(DELAY_THEN_SEND);
    long run = s.enter(journey, "later", Json.object("{}"));
    s.engine.poller.drain();
    s.effects.failOnceFor("later");
    s.clock.set(s.clock.instant().plus(Duration.ofDays(1)));

    assertThat(s.engine.poller.poll()).isEqualTo(1);
    assertThat(s.runOf(journey, "later").steps())
        .extracting(RunView.Step::outcome)
        .containsExactly("entered", "waiting", "resumed");
    assertThat(timersOf(run)).isEqualTo(1);

    assertThat(s.engine.poller.poll()).isEqualTo(1);
    assertThat(s.runOf(journey, "later").steps())
        .extracting(RunView.Step::outcome)
        .containsExactly("entered", "waiting", "resumed", "sent", "completed");
    assertThat(s.effects.sentTo("later")).hasSize(1);
  }

  @Test
  void aBranchRightAfterASendInTheSameBatchSeesTheSend() {
    Scenario s = new Scenario(T0.plus(Duration.ofDays(70)));
    long journey =
        s.activeJourney(
            "{'name':'Chain','trigger':{'type':'api'},'nodes':["
                + "{'id':'first','type':'send_email','settings':{'from':'a@x.test',"
                + "'subject':'First','body':'b'},'next':'b'},"
                + "{'id':'b','type':'branch','settings':{'message':{'node':'first',"
                + "'metric':'sent'}},'next':{'true':'yes','false':'no'}},"
                + "{'id':'yes','type':'send_email','settings':{'from':'a@x.test',"
                + "'subject':'Sent','body':'b'}},"
                + "{'id':'no','type':'send_email','settings':{'from':'a@x.test',"
                + "'subject':'Not sent','body':'b'}}]}");
    s.enter(journey, "chain", Json.object("{}"));

    assertThat(s.engine.poller.poll()).isEqualTo(1);

    assertThat(s.effects.sentTo("chain"))
        .extracting(RecordingEffects.Sent::subject)
        .containsExactly("First", "Sent");
    assertThat(s.runOf(journey, "chain").steps())
        .extracting(RunView.Step::node, RunView.Step::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("first", "entered"),
            org.assertj.core.groups.Tuple.tuple("first", "sent"),
            org.assertj.core.groups.Tuple.tuple("b", "true"),
            org.assertj.core.groups.Tuple.tuple("yes", "sent"),
            org.assertj.core.groups.Tuple.tuple("yes", "completed"));
  }

  @Test
  void aBatchNeedsTheSameFewStatementsWhateverItsSize() {
    int[] small = statementsToFinish(10, T0.plus(Duration.ofDays(40)));
    int[] large = statementsToFinish(40, T0.plus(Duration.ofDays(50)));
    // Each run fires two steps (resume, then the send it leaves due at once, run in the same
    // batch): 20 and 80 steps in one batch and an empty poll. The batch: a look for due timers
    // (auto-commit SELECT), then one transaction: claim (SELECT … FOR UPDATE SKIP LOCKED, no
    // lease), read the journeys' states, lock the runs; take the timers; the step log, the ended
    // runs' timers, the runs' updates: 8; the empty poll's look: 1 (no transaction). Per fired step
    // 9/80 = 0.11 at 40 runs; one commit: the batch (an empty poll commits nothing).
    assertThat(large).isEqualTo(small).containsExactly(9, 1);
  }

  /** Statements and commits for {@code people} runs' resume and send steps. */
  private static int[] statementsToFinish(int people, Instant start) {
    CountingDataSource counting = new CountingDataSource(JourneyTestDatabase.dataSource());
    Scenario s = new Scenario(start, counting);
    long journey = s.activeJourney(DELAY_THEN_SEND);
    for (int i = 0; i < people; i++) {
      s.enter(journey, "p" + i, Json.object("{}"));
    }
    s.engine.poller.drain();
    s.clock.set(start.plus(Duration.ofDays(1)));
    counting.reset();

    assertThat(s.engine.poller.drain()).isEqualTo(people);

    int[] counts = {counting.statements(), counting.commits()};
    assertThat(s.effects.sent()).hasSize(people);
    assertThat(s.runs(journey))
        .allSatisfy(
            r -> {
              assertThat(r.state()).isEqualTo("completed");
              assertThat(r.steps())
                  .extracting(RunView.Step::outcome)
                  .containsExactly("entered", "waiting", "resumed", "sent", "completed");
            });
    return counts;
  }

  @Test
  void pauseAndResumeHoldAndReleaseEveryTimerAChunkPerTransaction() {
    Scenario s = new Scenario(T0.plus(Duration.ofDays(90)));
    long journey = s.activeJourney(DELAY_THEN_SEND);
    for (int i = 0; i < 8; i++) {
      s.enter(journey, "chunk" + i, Json.object("{}"));
    }
    s.engine.poller.drain();
    assertThat(timersOfJourney(journey)).isEqualTo(8);
    CountingDataSource counting = new CountingDataSource(JourneyTestDatabase.dataSource());
    Lifecycle chunked =
        new Lifecycle(counting, s.clock, s.engine.journeys, s.engine.steps, s.engine.dates, 3);

    chunked.change(s.ws, journey, JourneyState.PAUSED);

    assertThat(heldTimers(journey)).isEqualTo(8);
    // The state's transaction, then one per chunk of 3 timers (3, 3 and the last 2).
    assertThat(counting.commits()).isEqualTo(4);
    s.advance(Duration.ofDays(2));
    assertThat(s.effects.sent()).isEmpty();

    counting.reset();
    chunked.change(s.ws, journey, JourneyState.ACTIVE);

    assertThat(heldTimers(journey)).isZero();
    assertThat(counting.commits()).isEqualTo(4);
    // A hold a pause asked for, overtaken by the resume, holds nothing.
    chunked.holdTimers(journey, true);
    assertThat(heldTimers(journey)).isZero();
    s.advance(Duration.ofMinutes(1));
    for (int i = 0; i < 8; i++) {
      assertThat(s.effects.sentTo("chunk" + i)).hasSize(1);
      assertThat(s.runOf(journey, "chunk" + i).state()).isEqualTo("completed");
    }
    assertThat(timersOfJourney(journey)).isZero();
  }

  private static void setState(long journey, String state) {
    Transactions.autoCommit(
        JourneyTestDatabase.dataSource(),
        "test",
        c -> Sql.update(c, "UPDATE journeys_journey SET state = ? WHERE id = ?", state, journey));
  }

  private static long heldTimers(long journey) {
    return Transactions.autoCommit(
        JourneyTestDatabase.dataSource(),
        "test",
        c ->
            Sql.count(
                c,
                "SELECT COUNT(*) FROM journeys_timer WHERE journey_id = ? AND held = 1"
                    + " AND claim IS NULL",
                journey));
  }

  private static long timersOf(long run) {
    return Transactions.autoCommit(
        JourneyTestDatabase.dataSource(),
        "test",
        c -> Sql.count(c, "SELECT COUNT(*) FROM journeys_timer WHERE run_id = ?", run));
  }

  private static long timersOfJourney(long journey) {
    return Transactions.autoCommit(
        JourneyTestDatabase.dataSource(),
        "test",
        c -> Sql.count(c, "SELECT COUNT(*) FROM journeys_timer WHERE journey_id = ?", journey));
  }
}
