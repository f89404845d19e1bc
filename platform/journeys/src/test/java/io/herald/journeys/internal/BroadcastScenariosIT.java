package io.herald.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herald.journeys.api.BroadcastRequest;
import io.herald.journeys.api.BroadcastView;
import io.herald.journeys.api.Json;
import io.herald.journeys.api.RunView;
import io.herald.shared.persistence.Transactions;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Broadcasts on the real database with the virtual clock: a segment's members entered once each,
 * scheduled sends, local times in three zones, the rate limit, cancelling, and two workers racing.
 */
class BroadcastScenariosIT {

  /**
   * Earlier than every virtual time of {@link JourneyScenariosIT}: the engine's pollers claim every
   * workspace's due timers, so its runs left waiting must not fall due on this class's clock.
   */
  private static final Instant T0 = Instant.parse("2026-01-05T06:00:00Z");

  private static final String NEWS =
      "{'name':'News','trigger':{'type':'api'},'entry':{'rule':'once'},'nodes':["
          + "{'id':'e','type':'send_email','settings':{'from':'a@x.test','subject':'News',"
          + "'body':'{{trigger.issue}}'}}]}";

  @BeforeAll
  static void database() {
    assumeTrue(
        JourneyTestDatabase.unavailable().isEmpty(),
        () -> JourneyTestDatabase.unavailable().orElse(""));
  }

  /** A scenario with broadcasts wired as the app wires them. */
  private static final class World {
    final Scenario s = new Scenario(T0);
    final ListAudience audience = new ListAudience();
    final Broadcasts broadcasts = workers();

    Broadcasts workers() {
      return new Broadcasts(
          JourneyTestDatabase.dataSource(), s.clock, s.engine, audience, s.effects, 7, 3);
    }

    List<String> people(String prefix, int n) {
      return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
    }

    long schedule(long journey, BroadcastRequest r) {
      StoredJourney j = s.journey(journey);
      return Transactions.inTransaction(
          JourneyTestDatabase.dataSource(), "test", c -> broadcasts.schedule(c, j, r));
    }

    BroadcastView view(long journey, long id) {
      return Transactions.autoCommit(
          JourneyTestDatabase.dataSource(),
          "test",
          c ->
              BroadcastStore.view(
                  c, BroadcastStore.find(c, s.ws, journey, id, false).orElseThrow()));
    }

    /** Works broadcasts and timers, moving the clock to each next due time up to {@code until}. */
    void runUntil(Instant until) {
      while (true) {
        broadcasts.drain();
        s.engine.poller.drain();
        Instant next = nextDue();
        if (next == null || next.isAfter(until)) {
          break;
        }
        if (next.isAfter(s.clock.instant())) {
          s.clock.set(next);
        }
      }
      if (s.clock.instant().isBefore(until)) {
        s.clock.set(until);
      }
    }

    private Instant nextDue() {
      return Transactions.autoCommit(
          JourneyTestDatabase.dataSource(),
          "test",
          c ->
              Sql.list(
                      c,
                      "SELECT MIN(next_at) FROM journeys_broadcast WHERE workspace_id = ?"
                          + " AND state IN ('scheduled', 'sending')",
                      rs -> Sql.instant(rs, 1),
                      s.ws)
                  .get(0));
    }
  }

  private static JsonObject issue(int n) {
    return Json.object("{'issue':'Issue " + n + "'}");
  }

  @Test
  void enteringASegmentsMembersEachOnceAndCountingProgress() {
    World w = new World();
    long journey = w.s.activeJourney(NEWS);
    List<String> members = w.people("m", 40);
    w.audience.segment(5, members);
    // One member already had their run (entry rule "once"): skipped, not entered twice.
    w.s.enter(journey, "m3", issue(0));

    long id = w.schedule(journey, new BroadcastRequest(5, issue(1), null, null, null));
    assertThat(w.view(journey, id).state()).isEqualTo("scheduled");
    w.runUntil(T0.plus(Duration.ofMinutes(1)));

    BroadcastView v = w.view(journey, id);
    assertThat(v.state()).isEqualTo("sent");
    assertThat(v.audience()).isEqualTo(40);
    assertThat(v.audienceComplete()).isTrue();
    assertThat(v.entered()).isEqualTo(39);
    assertThat(v.skipped()).isEqualTo(1);
    assertThat(v.queued()).isZero();
    assertThat(v.sent()).isEqualTo(39);
    assertThat(v.failed()).isZero();
    assertThat(v.finishedAt()).isEqualTo(T0);
    Map<String, Long> perPerson =
        w.s.effects.sent().stream()
            .collect(Collectors.groupingBy(RecordingEffects.Sent::cioId, Collectors.counting()));
    assertThat(perPerson).hasSize(40).allSatisfy((p, n) -> assertThat(n).isEqualTo(1));
    assertThat(w.s.runs(journey))
        .filteredOn(r -> !r.cioId().equals("m3"))
        .hasSize(39)
        .allMatch(r -> r.steps().get(0).detail().equals("broadcast " + id));
  }

  @Test
  void aScheduledBroadcastEntersNobodyBeforeItsTime() {
    World w = new World();
    long journey = w.s.activeJourney(NEWS);
    w.audience.segment(6, w.people("p", 5));
    Instant at = T0.plus(Duration.ofHours(3));

    long id = w.schedule(journey, new BroadcastRequest(6, issue(2), at, null, null));
    w.runUntil(at.minusMillis(1));
    assertThat(w.s.effects.sent()).isEmpty();
    assertThat(w.view(journey, id).state()).isEqualTo("scheduled");
    assertThat(w.view(journey, id).audience()).isZero();

    w.runUntil(at.plus(Duration.ofMinutes(1)));
    assertThat(w.s.effects.sent())
        .hasSize(5)
        .allMatch(sent -> sent.at().equals(at) && sent.subject().equals("News"));
    assertThat(w.view(journey, id).state()).isEqualTo("sent");
  }

  @Test
  void localTimeEntersEachPersonAtThatTimeInTheirZone() {
    World w = new World();
    long journey = w.s.activeJourney(NEWS);
    w.audience.segment(7, List.of("tokyo", "berlin", "ny", "kiritimati"));
    w.s.effects.zone("tokyo", ZoneId.of("Asia/Tokyo"));
    w.s.effects.zone("berlin", ZoneId.of("Europe/Berlin"));
    w.s.effects.zone("ny", ZoneId.of("America/New_York"));
    w.s.effects.zone("kiritimati", ZoneId.of("Pacific/Kiritimati"));
    // 09:00 on 7 December has passed at T0 (06:00 UTC) in Kiritimati (20:00) and Tokyo (15:00):
    // they enter at once; Berlin at 08:00 UTC, New York at 14:00 UTC.
    LocalDateTime nine = LocalDateTime.parse("2026-01-05T09:00");

    long id = w.schedule(journey, new BroadcastRequest(7, issue(3), null, nine, null));
    w.runUntil(T0.plus(Duration.ofDays(1)));

    assertThat(w.s.effects.sent())
        .extracting(RecordingEffects.Sent::cioId, RecordingEffects.Sent::at)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("kiritimati", T0),
            org.assertj.core.groups.Tuple.tuple("tokyo", T0),
            org.assertj.core.groups.Tuple.tuple("berlin", Instant.parse("2026-01-05T08:00:00Z")),
            org.assertj.core.groups.Tuple.tuple("ny", Instant.parse("2026-01-05T14:00:00Z")));
    assertThat(w.view(journey, id).state()).isEqualTo("sent");
  }

  @Test
  void localTimeInTheFutureWaitsForTheFirstZone() {
    World w = new World();
    long journey = w.s.activeJourney(NEWS);
    w.audience.segment(8, List.of("tokyo", "berlin", "la"));
    w.s.effects.zone("tokyo", ZoneId.of("Asia/Tokyo"));
    w.s.effects.zone("berlin", ZoneId.of("Europe/Berlin"));
    w.s.effects.zone("la", ZoneId.of("America/Los_Angeles"));
    LocalDateTime nine = LocalDateTime.parse("2026-01-06T09:00");

    long id = w.schedule(journey, new BroadcastRequest(8, issue(4), null, nine, null));
    w.runUntil(Instant.parse("2026-01-05T18:59:59Z"));
    assertThat(w.view(journey, id).state()).isEqualTo("scheduled");
    w.runUntil(Instant.parse("2026-01-07T00:00:00Z"));

    assertThat(w.s.effects.sent())
        .extracting(RecordingEffects.Sent::cioId, RecordingEffects.Sent::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("tokyo", Instant.parse("2026-01-06T00:00:00Z")),
            org.assertj.core.groups.Tuple.tuple("berlin", Instant.parse("2026-01-06T08:00:00Z")),
            org.assertj.core.groups.Tuple.tuple("la", Instant.parse("2026-01-06T17:00:00Z")));
  }

  @Test
  void theRateLimitSpreadsEntriesOverMinutes() {
    World w = new World();
    long journey = w.s.activeJourney(NEWS);
    w.audience.segment(9, w.people("r", 25));

    long id = w.schedule(journey, new BroadcastRequest(9, issue(5), null, null, 10));
    w.runUntil(T0.plus(Duration.ofMinutes(10)));

    Map<Instant, Long> perMinute = new TreeMap<>();
    for (RecordingEffects.Sent sent : w.s.effects.sent()) {
      perMinute.merge(sent.at().truncatedTo(ChronoUnit.MINUTES), 1L, Long::sum);
    }
    assertThat(perMinute)
        .containsExactly(
            Map.entry(T0, 10L),
            Map.entry(T0.plus(Duration.ofMinutes(1)), 10L),
            Map.entry(T0.plus(Duration.ofMinutes(2)), 5L));
    assertThat(w.view(journey, id).entered()).isEqualTo(25);
    assertThat(w.view(journey, id).state()).isEqualTo("sent");
  }

  @Test
  void cancellingStopsEntering() {
    World w = new World();
    long journey = w.s.activeJourney(NEWS);
    w.audience.segment(10, w.people("c", 30));
    long id = w.schedule(journey, new BroadcastRequest(10, issue(6), null, null, 10));
    w.runUntil(T0.plus(Duration.ofSeconds(30)));
    assertThat(w.view(journey, id).entered()).isEqualTo(10);

    boolean cancelled =
        Transactions.inTransaction(
            JourneyTestDatabase.dataSource(),
            "test",
            c -> BroadcastStore.finish(c, id, StoredBroadcast.CANCELLED, w.s.clock.instant()));
    assertThat(cancelled).isTrue();
    w.runUntil(T0.plus(Duration.ofMinutes(10)));

    BroadcastView v = w.view(journey, id);
    assertThat(v.state()).isEqualTo("cancelled");
    assertThat(v.entered()).isEqualTo(10);
    assertThat(v.queued()).isEqualTo(20);
    assertThat(w.s.effects.sent()).hasSize(10);
  }

  @Test
  void twoWorkersRacingEnterEachPersonOnce() throws Exception {
    World w = new World();
    long journey =
        w.s.activeJourney(NEWS.replace("'entry':{'rule':'once'}", "'entry':{'rule':'every_time'}"));
    w.audience.segment(11, w.people("x", 300));
    long id = w.schedule(journey, new BroadcastRequest(11, issue(7), null, null, null));
    List<Broadcasts> workers = List.of(w.broadcasts, w.workers(), w.workers(), w.workers());

    ExecutorService pool = Executors.newFixedThreadPool(workers.size());
    try {
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (Broadcasts b : workers) {
        tasks.add(
            () -> {
              int n = 0;
              for (int i = 0; i < 2000 && !"sent".equals(w.view(journey, id).state()); i++) {
                n += Math.max(0, b.poll());
              }
              return n;
            });
      }
      for (Future<Integer> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    w.runUntil(T0.plus(Duration.ofMinutes(1)));

    // "every_time" has no entry key: only the queue keeps a person from entering twice.
    List<RunView> runs = w.s.runs(journey);
    assertThat(runs).hasSize(300);
    assertThat(runs.stream().map(RunView::cioId).distinct().count()).isEqualTo(300);
    assertThat(w.view(journey, id).entered()).isEqualTo(300);
    assertThat(w.view(journey, id).state()).isEqualTo("sent");
  }

  @Test
  void aNodeDyingMidChunkLosesNothingAndTheNextClaimResumes() {
    World w = new World();
    long journey = w.s.activeJourney(NEWS);
    w.audience.segment(12, w.people("k", 20));
    CrashingZones zones = new CrashingZones(w.s.effects);
    Broadcasts crashing =
        new Broadcasts(
            JourneyTestDatabase.dataSource(),
            w.s.clock,
            w.s.engine,
            w.audience,
            zones.effects(),
            7,
            3);
    // A local time already passed everywhere: everyone is due at once; zones are read per person.
    long id =
        w.schedule(
            journey,
            new BroadcastRequest(
                12, issue(8), null, LocalDateTime.parse("2025-12-30T09:00"), null));

    zones.crashAt("k10");
    assertThat(crashing.poll()).isEqualTo(7);
    org.assertj.core.api.Assertions.assertThatThrownBy(crashing::poll)
        .hasStackTraceContaining("the node died reading k10's zone");
    // The second page's transaction rolled back: k8 and k9 were not kept queued.
    assertThat(w.view(journey, id).audience()).isEqualTo(7);
    assertThat(w.view(journey, id).audienceComplete()).isFalse();

    crashing.drain();
    w.runUntil(T0.plus(Duration.ofMinutes(1)));
    BroadcastView v = w.view(journey, id);
    assertThat(v.state()).isEqualTo("sent");
    assertThat(v.audience()).isEqualTo(20);
    assertThat(v.entered()).isEqualTo(20);
    assertThat(w.s.effects.sent()).hasSize(20);
    assertThat(w.s.runs(journey).stream().map(RunView::cioId).distinct().count()).isEqualTo(20);
  }

  @Test
  void aPersonWhoseEntryKeepsFailingIsMarkedFailedAndTheOthersEnter() throws Exception {
    World w = new World();
    long journey =
        w.s.activeJourney(
            "{'name':'Pro news','trigger':{'type':'api'},'entry':{'rule':'once',"
                + "'filter':{'version':1,'condition':{'attribute':{'name':'plan',"
                + "'operator':'equals','value':'pro'}}}},'nodes':["
                + "{'id':'e','type':'send_email','settings':{'from':'a@x.test','subject':'News',"
                + "'body':'b'}}]}");
    List<String> members = w.people("f", 10);
    for (String m : members) {
      w.s.person(m, "{\"plan\":\"pro\"}");
    }
    w.audience.segment(21, members);
    w.s.effects.failMatchesOf("f1");

    long id = w.schedule(journey, new BroadcastRequest(21, issue(9), null, null, null));
    w.runUntil(T0.plus(Duration.ofMinutes(10)));

    BroadcastView v = w.view(journey, id);
    assertThat(v.state()).isEqualTo("sent");
    assertThat(v.audience()).isEqualTo(10);
    assertThat(v.entered()).isEqualTo(9);
    assertThat(v.sent()).isEqualTo(9);
    assertThat(v.failed()).isEqualTo(1);
    List<String> f1 =
        Transactions.autoCommit(
            JourneyTestDatabase.dataSource(),
            "test",
            c ->
                Sql.list(
                    c,
                    "SELECT state, attempts, reason FROM journeys_broadcast_person"
                        + " WHERE broadcast_id = ? AND cio_id = 'f1'",
                    rs -> rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3),
                    id));
    assertThat(f1).containsExactly("failed 3 matching f1 failed (test)");
  }

  @Test
  void aFinishedBroadcastsPeopleRowsGoAfterTheRetentionAndItsCountsStay() {
    World w = new World();
    long journey = w.s.activeJourney(NEWS);
    w.audience.segment(22, w.people("r", 9));
    w.s.enter(journey, "r2", issue(0));
    long id = w.schedule(journey, new BroadcastRequest(22, issue(10), null, null, null));
    w.runUntil(T0.plus(Duration.ofMinutes(1)));
    BroadcastView before = w.view(journey, id);
    assertThat(before.state()).isEqualTo("sent");
    assertThat(before.entered()).isEqualTo(8);
    BroadcastRetention retention =
        new BroadcastRetention(JourneyTestDatabase.dataSource(), w.s.clock, 4);

    retention.prune(before.finishedAt()); // finished at the cutoff: not yet
    assertThat(peopleRows(id)).isEqualTo(9);

    int deleted = retention.prune(before.finishedAt().plusMillis(1));

    assertThat(deleted).isGreaterThanOrEqualTo(9);
    assertThat(peopleRows(id)).isZero();
    assertThat(w.view(journey, id)).isEqualTo(before);
    assertThat(w.s.runs(journey)).hasSize(9);
  }

  private static long peopleRows(long broadcastId) {
    return Transactions.autoCommit(
        JourneyTestDatabase.dataSource(),
        "test",
        c ->
            Sql.count(
                c,
                "SELECT COUNT(*) FROM journeys_broadcast_person WHERE broadcast_id = ?",
                broadcastId));
  }
}
