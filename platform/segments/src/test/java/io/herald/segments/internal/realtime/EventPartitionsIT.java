package io.herald.segments.internal.realtime;

import static io.herald.segments.internal.realtime.RealtimeTestDatabase.LOGIN_WITHIN_AN_HOUR;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.changes;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.dataSegment;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.event;
import static io.herald.segments.internal.realtime.RealtimeTestDatabase.person;
import static io.herald.testing.MigratedTestDatabase.dataSource;
import static io.herald.testing.MigratedTestDatabase.freshWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herald.events.internal.JdbcChangeFeed;
import io.herald.people.internal.JdbcPersonChangeFeed;
import io.herald.segments.api.MembershipChanged;
import io.herald.segments.internal.evaluate.DefaultPersonEvaluator;
import io.herald.testing.MigratedTestDatabase;
import jakarta.enterprise.event.Event;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The events feed split between loops ({@link EventPartitions}) on a real MariaDB: each loop
 * evaluates only its people's events, two loops side by side together make every change exactly
 * once, and a change in the number of loops restarts every partition from the lowest position, so
 * no event is skipped. The stored positions of the module's test database are put back afterwards.
 */
class EventPartitionsIT {

  @BeforeAll
  static void database() {
    assumeTrue(
        MigratedTestDatabase.unavailable().isEmpty(),
        () -> MigratedTestDatabase.unavailable().orElse(""));
  }

  private final long ws = freshWorkspace();
  private final Clock clock = Clock.systemUTC();
  private final JdbcChangeFeed feed =
      new JdbcChangeFeed(dataSource(), 0, clock, Duration.ofMillis(0));
  private Map<String, Long> before;

  @BeforeEach
  void remember() {
    before = feed.storedPositions();
  }

  @AfterEach
  void putBack() {
    feed.storedPositions().keySet().stream()
        .filter(c -> c.startsWith("segments"))
        .filter(c -> !before.containsKey(c))
        .forEach(feed::forget);
    before.forEach(
        (consumer, position) -> {
          if (consumer.startsWith("segments")) {
            feed.reposition(consumer, position);
          }
        });
  }

  @Test
  void eachPartitionEvaluatesOnlyItsPeopleAndTogetherTheyEvaluateEveryone() throws Exception {
    RealtimeEngine engine = engine(2);
    drain(engine, 0);
    drain(engine, 1);
    long segment = dataSegment(ws, LOGIN_WITHIN_AN_HOUR);
    List<String> people = IntStream.range(0, 40).mapToObj(i -> "p" + i).toList();
    for (String p : people) {
      person(ws, p, "{}");
      event(ws, p, "login", Instant.now());
    }
    List<String> first =
        people.stream().filter(p -> Math.floorMod(p.hashCode(), 2) == 0).sorted().toList();
    assertThat(first).as("the people are split between both").isNotEmpty().hasSizeLessThan(40);

    drain(engine, 0);
    assertThat(changes(segment))
        .as("partition 0 evaluated its people only")
        .containsExactlyInAnyOrderElementsOf(
            first.stream().map(p -> p + " entered event").toList());

    drain(engine, 1);
    assertThat(changes(segment))
        .containsExactlyInAnyOrderElementsOf(
            people.stream().map(p -> p + " entered event").toList());
  }

  @Test
  void aStepSaysWhetherItsBatchWasFullSoThatALoopBehindCanRest() throws Exception {
    RealtimeEngine engine = engine(1);
    drain(engine, 0);
    long segment = dataSegment(ws, LOGIN_WITHIN_AN_HOUR);
    for (int i = 0; i < 120; i++) { // batches of 50
      person(ws, "b" + i, "{}");
      event(ws, "b" + i, "login", Instant.now());
    }

    assertThat(
            List.of(
                engine.eventsStep(0),
                engine.eventsStep(0),
                engine.eventsStep(0),
                engine.eventsStep(0)))
        .containsExactly(
            Backlog.Found.FULL, Backlog.Found.FULL, Backlog.Found.SOME, Backlog.Found.NOTHING);
    assertThat(changes(segment)).hasSize(120);
  }

  @Test
  void twoPartitionsSideBySideMakeEveryChangeOnce() throws Exception {
    RealtimeEngine engine = engine(2);
    drain(engine, 0);
    drain(engine, 1);
    long segment = dataSegment(ws, LOGIN_WITHIN_AN_HOUR);
    List<String> people = IntStream.range(0, 300).mapToObj(i -> "q" + i).toList();
    for (String p : people) {
      person(ws, p, "{}");
      event(ws, p, "login", Instant.now());
      event(ws, p, "login", Instant.now());
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> loops = new ArrayList<>();
      for (int k = 0; k < 2; k++) {
        int partition = k;
        loops.add(pool.submit(() -> drain(engine, partition)));
      }
      for (Future<?> loop : loops) {
        loop.get();
      }
    } finally {
      pool.shutdown();
    }
    // A person whose re-check row the other loop's transaction held at that moment was not waited
    // for but handed to a re-check request (PersonLocks.lockFree), as in production, where the
    // re-check loop runs beside the events loops: run it too, then everyone entered exactly once.
    while (engine.rechecks()) {
      // more
    }
    assertThat(changes(segment))
        .containsExactlyInAnyOrderElementsOf(
            people.stream().map(p -> p + " entered event").toList());
  }

  @Test
  void aNewCountStartsEveryPartitionAtTheLowestPositionAndForgetsThoseNoLongerRun() {
    feed.reposition("segments", 120);
    feed.forget("segments.1");
    feed.forget("segments.2");

    new EventPartitions(2).prepare(dataSource(), feed);
    assertThat(partitions())
        .as("from one loop: the new partition starts where the first was")
        .containsExactlyInAnyOrderEntriesOf(Map.of("segments", 120L, "segments.1", 120L));

    new EventPartitions(2).prepare(dataSource(), feed);
    feed.reposition("segments.1", 90);
    new EventPartitions(2).prepare(dataSource(), feed);
    assertThat(partitions()).as("the same count: untouched").containsEntry("segments.1", 90L);

    new EventPartitions(3).prepare(dataSource(), feed);
    assertThat(partitions())
        .as("people move between partitions: all start at the lowest, 90")
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("segments", 90L, "segments.1", 90L, "segments.2", 90L));

    feed.reposition("segments", 200);
    feed.reposition("segments.2", 150);
    new EventPartitions(1).prepare(dataSource(), feed);
    assertThat(partitions())
        .as("back to one loop: at the lowest, the others forgotten")
        .containsExactlyInAnyOrderEntriesOf(Map.of("segments", 90L));
  }

  @Test
  void aCountOutOfRangeIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new EventPartitions(0))
        .hasMessageContaining("herald.segments.realtime.event-workers");
    assertThatThrownBy(() -> new EventPartitions(EventPartitions.MAX + 1))
        .hasMessageContaining("between 1 and " + EventPartitions.MAX);
  }

  // --- helpers

  private Map<String, Long> partitions() {
    Map<String, Long> out = new TreeMap<>();
    feed.storedPositions()
        .forEach(
            (c, p) -> {
              if (c.equals("segments") || c.startsWith("segments.")) {
                out.put(c, p);
              }
            });
    return out;
  }

  private RealtimeEngine engine(int partitions) throws SQLException {
    RealtimeEngine engine = new RealtimeEngine();
    engine.dataSource = dataSource();
    engine.events = feed;
    engine.people = new JdbcPersonChangeFeed(dataSource(), 0, clock, Duration.ZERO);
    engine.indexes = new SegmentIndexes(new DataSegmentRepository(dataSource()));
    engine.evaluator = new DefaultPersonEvaluator();
    RealtimeSettings settings = new RealtimeSettings();
    settings.batchSize = 50;
    settings.eventWorkers = partitions;
    engine.settings = settings;
    engine.zones =
        new WorkspaceZones() {
          @Override
          public ZoneId of(long workspaceId) {
            return ZoneOffset.UTC;
          }
        };
    engine.clock = clock;
    engine.announcements = ignored();
    engine.preparePartitions();
    return engine;
  }

  private static Void drain(RealtimeEngine engine, int partition) {
    while (engine.events(partition)) {
      // more
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Event<MembershipChanged> ignored() {
    return (Event<MembershipChanged>)
        Proxy.newProxyInstance(
            EventPartitionsIT.class.getClassLoader(),
            new Class<?>[] {Event.class},
            (proxy, method, args) -> null);
  }
}
