package io.herald.segments.internal.realtime;

import static io.herald.segments.internal.realtime.EngineRig.await;
import static io.herald.segments.internal.realtime.EngineRig.work;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.LOGIN_WITHIN_AN_HOUR;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.changes;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.dataSegment;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.event;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.person;
import static io.herald.testing.MigratedTestDatabase.dataSource;
import static io.herald.testing.MigratedTestDatabase.freshWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herald.segments.internal.membership.MembershipLedger.Applied;
import io.herald.segments.internal.realtime.Reevaluator.Work;
import io.herald.testing.MigratedTestDatabase;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The people's locks on a real MariaDB: a feed's evaluation never waits for one. */
class PersonLocksIT {

  private static final Instant T = Instant.parse("2026-11-29T10:00:00Z");

  @BeforeAll
  static void database() {
    assumeTrue(
        MigratedTestDatabase.unavailable().isEmpty(),
        () -> MigratedTestDatabase.unavailable().orElse(""));
  }

  private final long ws = freshWorkspace();
  private final EngineRig rig = new EngineRig(ws);

  @Test
  void aPersonAnotherTransactionHoldsIsLeftToARecheckAndTheOthersAreNotHeldBack() throws Exception {
    long segment = dataSegment(ws, LOGIN_WITHIN_AN_HOUR);
    for (String cio : List.of("h1", "h2")) {
      person(ws, cio, "{\"cio_id\":\"" + cio + "\"}");
      event(ws, cio, "login", T.minus(Duration.ofMinutes(5)));
    }
    Jdbc.autoCommit(
        dataSource(),
        c -> {
          PersonLocks.ensure(c, ws, List.of("h1", "h2"));
          return null;
        });
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // As a rebuild's chunk does: h1's row locked until its transaction ends.
    CompletableFuture<Void> holder =
        CompletableFuture.runAsync(
            () ->
                Jdbc.inTransaction(
                    dataSource(),
                    c -> {
                      try (PreparedStatement q =
                          c.prepareStatement(
                              "SELECT cio_id FROM segments_recheck WHERE workspace_id = ?"
                                  + " AND cio_id = 'h1' FOR UPDATE")) {
                        q.setLong(1, ws);
                        q.executeQuery().close();
                      }
                      holding.countDown();
                      await(release);
                      return null;
                    }));
    await(holding);
    List<Applied> applied;
    try {
      Work login = work(new Trigger.Event("login"), "event");
      // Neither the row check nor the evaluation waits for h1's lock (50 s would fail the get).
      applied =
          CompletableFuture.supplyAsync(
                  () -> rig.reevaluate(rig.index(), Map.of("h1", login, "h2", login), T, false))
              .get(10, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      holder.get(30, TimeUnit.SECONDS);
    }

    assertThat(applied).containsExactly(new Applied(ws, segment, "h2", true, "event"));
    assertThat(rig.requests()).containsExactly("h1 event");

    // Other tests' requests may come first in the shared table: fold until this one is folded.
    for (int i = 0; i < 100 && !rig.requests().isEmpty(); i++) {
      Jdbc.inTransaction(dataSource(), c -> PersonRows.foldRequests(c, T, 500));
    }
    assertThat(rig.requests()).as("folded").isEmpty();
    assertThat(rig.claimAndRun(T)).containsExactly(new Applied(ws, segment, "h1", true, "event"));
    assertThat(changes(segment)).containsExactlyInAnyOrder("h2 entered event", "h1 entered event");
  }
}
