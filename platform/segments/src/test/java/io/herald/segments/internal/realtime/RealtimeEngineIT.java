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

import io.herald.people.api.PersonChangeFeed;
import io.herald.people.internal.JdbcPersonChangeFeed;
import io.herald.segments.internal.membership.MembershipLedger;
import io.herald.segments.internal.membership.MembershipLedger.Applied;
import io.herald.testing.MigratedTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's database side on a real MariaDB: the membership ledger, re-evaluation under person
 * locks, re-check timers and their SKIP LOCKED claiming, rebuild progress, and the people feed.
 */
class RealtimeEngineIT {

  private static final Instant T = Instant.parse("2026-11-29T10:00:00Z");

  /** Due time of the claiming test's rows: no other test's re-check is due this early. */
  private static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");

  /** A purchase over 100 within the last hour: a leaf that filters on event data. */
  private static final String BIG_PURCHASE_WITHIN_AN_HOUR =
      "{\"version\":1,\"condition\":{\"event\":{\"name\":\"purchase\","
          + "\"within\":{\"last\":1,\"unit\":\"hours\"},\"where\":[{\"property\":\"price\","
          + "\"operator\":\"greater_than\",\"value\":100}]}}}";

  /** A page view within the last hour: a leaf that reads names only. */
  private static final String PAGE_VIEWED_WITHIN_AN_HOUR =
      "{\"version\":1,\"condition\":{\"event\":{\"name\":\"page_viewed\","
          + "\"within\":{\"last\":1,\"unit\":\"hours\"}}}}";

  private static final String PRO =
      "{\"version\":1,\"condition\":{\"attribute\":{\"name\":\"plan\",\"operator\":\"equals\","
          + "\"value\":\"pro\"}}}";

  @BeforeAll
  static void database() {
    assumeTrue(
        MigratedTestDatabase.unavailable().isEmpty(),
        () -> MigratedTestDatabase.unavailable().orElse(""));
  }

  private final long ws = freshWorkspace();
  private final EngineRig rig = new EngineRig(ws);

  @Test
  void theLedgerRecordsEachRealChangeOnceInTheSameTransaction() throws SQLException {
    long segment = dataSegment(ws, PRO);
    boolean[] results = new boolean[3];
    Jdbc.inTransaction(
        dataSource(),
        c -> {
          results[0] = MembershipLedger.set(c, ws, segment, "p1", true, "api", T);
          results[1] = MembershipLedger.set(c, ws, segment, "p1", true, "api", T);
          results[2] = MembershipLedger.set(c, ws, segment, "p1", false, "merge", T);
          return null;
        });
    assertThat(results).containsExactly(true, false, true);
    assertThat(changes(segment)).containsExactly("p1 entered api", "p1 exited merge");
    Boolean lost =
        Jdbc.inTransaction(
            dataSource(),
            c -> MembershipLedger.set(c, ws, segment + 1_000_000, "p2", true, "api", T));
    assertThat(lost).as("no such segment: nothing written").isFalse();
  }

  @Test
  void anEventEntersAPersonAndTheWindowExpiringMakesThemLeaveOnTime() throws SQLException {
    long segment = dataSegment(ws, LOGIN_WITHIN_AN_HOUR);
    person(ws, "p1", "{\"cio_id\":\"p1\"}");
    Instant login = T.minus(Duration.ofMinutes(10));
    event(ws, "p1", "login", login);
    SegmentIndex index = rig.index();

    List<Applied> entered =
        rig.reevaluate(index, Map.of("p1", work(new Trigger.Event("login"), "event")), T, false);

    assertThat(entered).containsExactly(new Applied(ws, segment, "p1", true, "event"));
    assertThat(dueAt("p1")).isEqualTo(login.plus(Duration.ofHours(1)));
    assertThat(rig.claimAndRun(T.plus(Duration.ofMinutes(49)))).as("not due yet").isEmpty();

    List<Applied> left = rig.claimAndRun(login.plus(Duration.ofHours(1)));

    assertThat(left).containsExactly(new Applied(ws, segment, "p1", false, "time"));
    assertThat(changes(segment)).containsExactly("p1 entered event", "p1 exited time");
    assertThat(dueAt("p1")).as("nothing left to expire").isNull();
  }

  @Test
  void aChangeReevaluatesOnlyTheSegmentsThatMentionIt() throws SQLException {
    long pro = dataSegment(ws, PRO);
    long login = dataSegment(ws, LOGIN_WITHIN_AN_HOUR);
    person(ws, "p1", "{\"plan\":\"pro\"}");
    event(ws, "p1", "login", T);

    List<Applied> applied =
        rig.reevaluate(
            rig.index(), Map.of("p1", work(new Trigger.Attribute("plan"), "attribute")), T, false);

    assertThat(applied).containsExactly(new Applied(ws, pro, "p1", true, "attribute"));
    assertThat(changes(login)).as("the login segment was not evaluated").isEmpty();
  }

  @Test
  void eventDataIsReadForTheLeavesThatFilterOnIt() throws SQLException {
    long bigPurchase = dataSegment(ws, BIG_PURCHASE_WITHIN_AN_HOUR);
    long viewed = dataSegment(ws, PAGE_VIEWED_WITHIN_AN_HOUR);
    for (String p : List.of("big", "small")) {
      person(ws, p, "{}");
      event(ws, p, "page_viewed", T.minus(Duration.ofMinutes(5)), "{\"price\":500}");
    }
    event(ws, "big", "purchase", T.minus(Duration.ofMinutes(10)), "{\"price\":150}");
    event(ws, "small", "purchase", T.minus(Duration.ofMinutes(10)), "{\"price\":50}");

    List<Applied> applied =
        rig.reevaluate(
            rig.index(),
            Map.of(
                "big", work(Trigger.everything(), "event"),
                "small", work(Trigger.everything(), "event")),
            T,
            false);

    assertThat(applied)
        .containsExactlyInAnyOrder(
            new Applied(ws, bigPurchase, "big", true, "event"),
            new Applied(ws, viewed, "big", true, "event"),
            new Applied(ws, viewed, "small", true, "event"));
  }

  @Test
  void aLinkedVisitorsEventsNotYetAttachedCountForThePersonWithAndWithoutData()
      throws SQLException {
    long bigPurchase = dataSegment(ws, BIG_PURCHASE_WITHIN_AN_HOUR);
    long viewed = dataSegment(ws, PAGE_VIEWED_WITHIN_AN_HOUR);
    person(ws, "known", "{}");
    person(ws, "stranger", "{}");
    Jdbc.autoCommit(
        dataSource(),
        c -> {
          try (PreparedStatement link =
              c.prepareStatement(
                  "INSERT INTO people_anonymous_id (workspace_id, anonymous_id, person_cio_id,"
                      + " linked_at) VALUES (?, 'visitor-1', 'known', NOW(3))")) {
            link.setLong(1, ws);
            link.executeUpdate();
          }
          for (String visitor : List.of("visitor-1", "visitor-2")) {
            for (String[] e :
                List.of(
                    new String[] {"page_viewed", "{}", "5"},
                    new String[] {"purchase", "{\"price\":150}", "10"})) {
              try (PreparedStatement insert =
                  c.prepareStatement(
                      "INSERT INTO events_event (workspace_id, anonymous_id, name, type, source,"
                          + " occurred_at, received_at, data) VALUES (?, ?, ?, 'event', 'test',"
                          + " ?, ?, ?)")) {
                Timestamp at = Timestamp.from(T.minus(Duration.ofMinutes(Long.parseLong(e[2]))));
                insert.setLong(1, ws);
                insert.setString(2, visitor);
                insert.setString(3, e[0]);
                insert.setTimestamp(4, at);
                insert.setTimestamp(5, at);
                insert.setString(6, e[1]);
                insert.executeUpdate();
              }
            }
          }
          return null;
        });

    List<Applied> applied =
        rig.reevaluate(
            rig.index(),
            Map.of(
                "known", work(Trigger.everything(), "event"),
                "stranger", work(Trigger.everything(), "event")),
            T,
            false);

    // visitor-2 is linked to nobody: its events count for no one.
    assertThat(applied)
        .containsExactlyInAnyOrder(
            new Applied(ws, bigPurchase, "known", true, "event"),
            new Applied(ws, viewed, "known", true, "event"));
  }

  @Test
  void aSegmentReadingAnotherIsEvaluatedAfterItInTheSamePass() throws SQLException {
    long pro = dataSegment(ws, PRO);
    long reader =
        dataSegment(ws, "{\"version\":1,\"condition\":{\"segment\":{\"id\":" + pro + "}}}");
    person(ws, "p1", "{\"plan\":\"pro\"}");

    List<Applied> applied =
        rig.reevaluate(
            rig.index(), Map.of("p1", work(new Trigger.Attribute("plan"), "attribute")), T, false);

    assertThat(applied)
        .containsExactly(
            new Applied(ws, pro, "p1", true, "attribute"),
            new Applied(ws, reader, "p1", true, "attribute"));
  }

  @Test
  void twoClaimersNeverGetTheSameDueRow() throws Exception {
    Jdbc.autoCommit(
        dataSource(),
        c -> {
          for (int i = 0; i < 40; i++) {
            PersonRows.schedule(c, ws, String.format("c%03d", i), LONG_AGO, "time");
          }
          return null;
        });
    CountDownLatch firstHolds = new CountDownLatch(1);
    CountDownLatch secondDone = new CountDownLatch(1);
    CompletableFuture<List<String>> first =
        CompletableFuture.supplyAsync(
            () ->
                Jdbc.inTransaction(
                    dataSource(),
                    c -> {
                      List<String> mine = claimed(c);
                      firstHolds.countDown();
                      await(secondDone); // keep the rows locked while the other claims
                      return mine;
                    }));
    await(firstHolds);
    List<String> second = Jdbc.inTransaction(dataSource(), this::claimed);
    secondDone.countDown();
    List<String> firstClaimed = first.get(30, TimeUnit.SECONDS);

    assertThat(firstClaimed).hasSize(25);
    assertThat(second).hasSize(15).doesNotContainAnyElementsOf(firstClaimed);
  }

  @Test
  void thePeopleFeedDeliversEachChangeUntilAcknowledged() throws SQLException {
    JdbcPersonChangeFeed feed = new JdbcPersonChangeFeed(dataSource(), 30);
    String consumer = "test-" + ws;
    PersonChangeFeed.Batch skip;
    do {
      skip = feed.read(consumer, 1000);
      feed.acknowledge(consumer, skip);
    } while (!skip.changes().isEmpty());
    Jdbc.autoCommit(
        dataSource(),
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(
                  "INSERT INTO people_change (workspace_id, person_cio_id, kind, changed_at, data)"
                      + " VALUES (?, 'p1', 'attribute_change', NOW(3),"
                      + " '{\"attributes\":{\"plan\":{\"to\":\"pro\"}}}')")) {
            q.setLong(1, ws);
            return q.executeUpdate();
          }
        });

    PersonChangeFeed.Batch batch = feed.read(consumer, 10);
    assertThat(batch.changes()).hasSize(1);
    assertThat(batch.changes().get(0).workspaceId()).isEqualTo(ws);
    assertThat(batch.changes().get(0).attributeNames()).containsExactly("plan");
    assertThat(feed.read(consumer, 10).changes()).as("not acknowledged: again").hasSize(1);
    feed.acknowledge(consumer, batch);
    assertThat(feed.read(consumer, 10).changes()).isEmpty();
    assertThat(feed.position(consumer)).isEqualTo(batch.position());
  }

  // --- helpers

  private List<String> claimed(Connection c) throws SQLException {
    return PersonRows.claimDue(c, LONG_AGO, 25).stream()
        .peek(due -> assertThat(due.workspaceId()).isEqualTo(ws))
        .map(PersonRows.Due::cioId)
        .toList();
  }

  private Instant dueAt(String cioId) {
    return Jdbc.autoCommit(
        dataSource(),
        c -> {
          try (PreparedStatement q =
              c.prepareStatement(
                  "SELECT due_at FROM segments_recheck WHERE workspace_id = ? AND cio_id = ?")) {
            q.setLong(1, ws);
            q.setString(2, cioId);
            try (ResultSet rs = q.executeQuery()) {
              rs.next();
              Timestamp at = rs.getTimestamp(1);
              return at == null ? null : at.toInstant();
            }
          }
        });
  }
}
