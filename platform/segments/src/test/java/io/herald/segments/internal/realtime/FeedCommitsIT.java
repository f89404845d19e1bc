package io.herald.segments.internal.realtime;

import static io.herald.segments.internal.realtime.RealtimeTestDatabase.LOGIN_WITHIN_AN_HOUR;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.changes;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.dataSegment;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.event;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.person;
import static io.herald.testing.MigratedTestDatabase.dataSource;
import static io.herald.testing.MigratedTestDatabase.freshWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herald.events.internal.JdbcChangeFeed;
import io.herald.people.internal.JdbcPersonChangeFeed;
import io.herald.segments.api.MembershipChanged;
import io.herald.segments.internal.evaluate.DefaultPersonEvaluator;
import io.herald.testing.CountingDataSource;
import io.herald.testing.MigratedTestDatabase;
import jakarta.enterprise.event.Event;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real-time engine's feed consumers on a real MariaDB, counting what reaches the database as a
 * commit: an idle poll commits nothing, a batch with nothing to evaluate moves the position on in
 * memory only (stored once {@code saveEvery} has passed, not per batch), an evaluated batch stores
 * it in its own transaction, and an engine restarted before its position was stored replays from
 * the stored position with neither a lost nor a repeated membership change.
 */
class FeedCommitsIT {

  private static final Duration SAVE_EVERY = Duration.ofSeconds(1);

  @BeforeAll
  static void database() {
    assumeTrue(
        MigratedTestDatabase.unavailable().isEmpty(),
        () -> MigratedTestDatabase.unavailable().orElse(""));
  }

  private final long ws = freshWorkspace();
  private final MovingClock clock = new MovingClock(Instant.now());
  private final CountingDataSource counted = new CountingDataSource(dataSource());

  @Test
  void anIdlePollCommitsNothingAndAPositionAdvancedInMemoryIsStoredOncePerInterval()
      throws SQLException {
    RealtimeEngine engine = engine(new ArrayList<>());
    drain(engine); // the clock stands still until said: nothing is stored on the way
    counted.reset();

    for (int i = 0; i < 20; i++) {
      assertThat(engine.events()).isFalse();
      assertThat(engine.people()).isFalse();
    }
    assertThat(counted.commitsWithAutoCommitWrites())
        .as("idle polls: no transaction, no write")
        .isZero();

    // A workspace without data segments: its batch only moves the position on, in memory.
    long quiet = freshWorkspace();
    event(quiet, "q1", "login", clock.instant());
    long last = lastEventId();
    drain(engine);
    for (int i = 0; i < 20; i++) {
      engine.events();
    }
    assertThat(counted.commitsWithAutoCommitWrites())
        .as("nothing to evaluate, interval not over: no write")
        .isZero();
    assertThat(storedPosition()).isLessThan(last);

    clock.move(SAVE_EVERY);
    engine.events();
    assertThat(counted.commitsWithAutoCommitWrites())
        .as("the interval passed: the position stored once")
        .isEqualTo(1);
    assertThat(storedPosition()).isGreaterThanOrEqualTo(last);
    engine.events();
    assertThat(counted.commitsWithAutoCommitWrites()).isEqualTo(1);
  }

  @Test
  void anEvaluatedBatchStoresItsPositionInItsOwnTransaction() throws SQLException {
    RealtimeEngine engine = engine(new ArrayList<>());
    drain(engine);
    long segment = dataSegment(ws, LOGIN_WITHIN_AN_HOUR);
    person(ws, "p1", "{}");
    event(ws, "p1", "login", clock.instant());
    long last = lastEventId();
    counted.reset();

    drain(engine);

    assertThat(changes(segment)).containsExactly("p1 entered event");
    assertThat(storedPosition()).as("stored with the batch").isGreaterThanOrEqualTo(last);
    assertThat(counted.commitsWithAutoCommitWrites())
        .as(
            "the batch's transaction and the person's row (auto-commit), no cursor write of its own")
        .isEqualTo(2);
  }

  @Test
  void aRestartedConsumerReplaysFromTheStoredPositionWithoutLosingOrRepeatingAChange()
      throws SQLException {
    List<MembershipChanged> first = new ArrayList<>();
    RealtimeEngine engine = engine(first);
    drain(engine); // the clock stands still: nothing is stored from here on
    long stored = storedPosition();

    // No data segment yet: p1's login only moves the position on in memory.
    person(ws, "p1", "{}");
    person(ws, "p2", "{}");
    event(ws, "p1", "login", clock.instant());
    drain(engine);
    assertThat(storedPosition()).as("advanced in memory only").isEqualTo(stored);

    // The segment is created, the node crashes (its in-memory position is lost), p2 logs in.
    long segment = dataSegment(ws, LOGIN_WITHIN_AN_HOUR);
    event(ws, "p2", "login", clock.instant());
    List<MembershipChanged> second = new ArrayList<>();
    drain(engine(second));

    assertThat(changes(segment))
        .as("p1's event read again from the stored position: not lost; p2's too")
        .containsExactly("p1 entered event", "p2 entered event");
    assertThat(ours(second)).extracting(MembershipChanged::cioId).containsExactly("p1", "p2");

    // Another restart: the evaluated batch's position was stored with it, nothing is repeated.
    List<MembershipChanged> third = new ArrayList<>();
    drain(engine(third));
    assertThat(changes(segment)).containsExactly("p1 entered event", "p2 entered event");
    assertThat(ours(first)).isEmpty();
    assertThat(ours(third)).isEmpty();
  }

  @Test
  void reCheckRequestsNoSegmentCouldAnswerCostTheirFoldsCommitAndNoOther() throws SQLException {
    RealtimeEngine engine = engine(new ArrayList<>());
    while (engine.rechecks()) {
      // other tests' requests and due re-checks first
    }
    try (Connection c = dataSource().getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO segments_recheck_request (workspace_id, cio_id, cause, requested_at)"
                    + " VALUES (?, ?, 'engagement', NOW(3))")) {
      for (int i = 0; i < 3; i++) {
        insert.setLong(1, ws); // a workspace without data segments
        insert.setString(2, "r" + i);
        insert.executeUpdate();
      }
    }
    int before = counted.commits();

    assertThat(engine.rechecks()).as("it found requests").isTrue();
    assertThat(counted.commits() - before)
        .as("the fold's commit, no claim of due re-checks")
        .isOne();
    assertThat(single("SELECT COUNT(*) FROM segments_recheck_request WHERE workspace_id = " + ws))
        .isZero();
    assertThat(single("SELECT COUNT(*) FROM segments_recheck WHERE workspace_id = " + ws)).isZero();
    assertThat(engine.rechecks()).isFalse();
    assertThat(counted.commits() - before).isOne();
  }

  @Test
  void reCheckRequestsNoSegmentCouldAnswerWaitToBeDroppedManyAtOnce() throws SQLException {
    RealtimeEngine engine = engine(new ArrayList<>());
    engine.settings.dropDelayMillis = 2_000;
    while (engine.rechecks()) {
      // other tests' requests and due re-checks first
    }
    for (int i = 0; i < 3; i++) {
      request(ws, "w" + i, "engagement"); // a workspace without data segments
    }
    int before = counted.commits();

    assertThat(engine.rechecks()).as("they wait").isFalse();
    clock.move(Duration.ofSeconds(1));
    request(ws, "w3", "engagement");
    assertThat(engine.rechecks()).isFalse();
    assertThat(requests(ws)).isEqualTo(4);
    assertThat(counted.commits() - before).as("looking commits nothing").isZero();

    clock.move(Duration.ofMillis(1_500)); // the oldest has waited 2.5 s
    assertThat(engine.rechecks()).isTrue();
    assertThat(requests(ws)).as("all four dropped together").isZero();
    assertThat(counted.commits() - before).isOne();
    assertThat(single("SELECT COUNT(*) FROM segments_recheck WHERE workspace_id = " + ws)).isZero();
  }

  @Test
  void aRequestASegmentMayAnswerIsFoldedAtOnceWithThoseWaitingToBeDropped() throws SQLException {
    long other = freshWorkspace();
    dataSegment(
        other,
        "{\"version\":1,\"condition\":{\"attribute\":{\"name\":\"plan\",\"operator\":\"exists\"}}}");
    RealtimeEngine engine = engine(new ArrayList<>());
    engine.settings.dropDelayMillis = 60_000;
    while (engine.rechecks()) {
      // other tests' requests and due re-checks first
    }
    request(ws, "w0", "engagement");
    assertThat(engine.rechecks()).isFalse();

    request(other, "o0", "merge"); // may change the attribute segment
    assertThat(engine.rechecks()).isTrue();

    assertThat(requests(ws)).as("dropped with the fold").isZero();
    assertThat(requests(other)).isZero();
  }

  // --- helpers

  private void request(long workspace, String cioId, String cause) throws SQLException {
    RealtimeTestDatabase.recheckRequest(workspace, cioId, cause, clock.instant());
  }

  private static long requests(long workspace) throws SQLException {
    return single(
        "SELECT COUNT(*) FROM segments_recheck_request WHERE workspace_id = " + workspace);
  }

  private RealtimeEngine engine(List<MembershipChanged> announced) {
    RealtimeEngine engine = new RealtimeEngine();
    engine.dataSource = counted;
    engine.events = new JdbcChangeFeed(counted, 0, clock, SAVE_EVERY);
    engine.people = new JdbcPersonChangeFeed(counted, 0, clock, SAVE_EVERY);
    engine.indexes = new SegmentIndexes(new DataSegmentRepository(dataSource()));
    engine.evaluator = new DefaultPersonEvaluator();
    RealtimeSettings settings = new RealtimeSettings();
    settings.batchSize = 500;
    engine.settings = settings;
    engine.zones =
        new WorkspaceZones() {
          @Override
          public ZoneId of(long workspaceId) {
            return ZoneOffset.UTC;
          }
        };
    engine.clock = clock;
    engine.announcements = announcements(announced);
    return engine;
  }

  /** The announcements about this test's workspace. */
  private List<MembershipChanged> ours(List<MembershipChanged> announced) {
    return announced.stream().filter(m -> m.workspace().value() == ws).toList();
  }

  /** Runs the engine's feed steps until both feeds are empty (other tests' rows included). */
  private static void drain(RealtimeEngine engine) {
    while (engine.events() || engine.people()) {
      // more
    }
  }

  @SuppressWarnings("unchecked")
  private static Event<MembershipChanged> announcements(List<MembershipChanged> announced) {
    return (Event<MembershipChanged>)
        Proxy.newProxyInstance(
            FeedCommitsIT.class.getClassLoader(),
            new Class<?>[] {Event.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("fire")) {
                throw new UnsupportedOperationException(method.getName());
              }
              announced.add((MembershipChanged) args[0]);
              return null;
            });
  }

  private static long storedPosition() throws SQLException {
    return single(
        "SELECT COALESCE(MAX(position), 0) FROM events_feed_cursor WHERE consumer = 'segments'");
  }

  private static long lastEventId() throws SQLException {
    return single("SELECT MAX(id) FROM events_event");
  }

  private static long single(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        PreparedStatement q = c.prepareStatement(sql);
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** A clock the test moves on. */
  private static final class MovingClock extends Clock {
    private final AtomicLong millis;

    MovingClock(Instant start) {
      millis = new AtomicLong(start.toEpochMilli());
    }

    void move(Duration by) {
      millis.addAndGet(by.toMillis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }
}
