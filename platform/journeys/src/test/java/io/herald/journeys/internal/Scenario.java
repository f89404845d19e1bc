package io.herald.journeys.internal;

import io.herald.events.api.RecordedEvent;
import io.herald.journeys.api.JourneyJson;
import io.herald.journeys.api.JourneyState;
import io.herald.journeys.api.Json;
import io.herald.journeys.api.RunView;
import io.herald.shared.persistence.Transactions;
import io.herald.testing.MovableClock;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * One scenario: a workspace of its own, the engine wired to the test database, a virtual clock and
 * recorded effects. {@link #advanceTo} moves the clock from one due timer to the next, running what
 * is due at each, so steps happen exactly at their due times.
 */
final class Scenario {

  final long ws = JourneyTestDatabase.freshWorkspace();
  final MovableClock clock;
  final RecordingEffects effects;
  final Engine engine;
  private final DataSource dataSource = JourneyTestDatabase.dataSource();

  Scenario(Instant start) {
    this(start, JourneyTestDatabase.dataSource());
  }

  /** A scenario whose engine reaches the database through {@code engineDataSource}. */
  Scenario(Instant start, DataSource engineDataSource) {
    clock = new MovableClock(start);
    effects = new RecordingEffects(dataSource, clock);
    engine =
        new Engine(
            engineDataSource, clock, effects, 50, Duration.ofSeconds(60), Duration.ofHours(72), 30);
  }

  /** Creates and activates a journey; returns its id. */
  long activeJourney(String json) {
    long id =
        Transactions.inTransaction(
            dataSource,
            "test",
            c ->
                engine.journeys.create(
                    c, ws, JourneyJson.parse(Json.value(json)), clock.instant()));
    engine.lifecycle.change(ws, id, JourneyState.ACTIVE);
    return id;
  }

  /** Creates a draft journey; returns its id. */
  long draftJourney(String json) {
    return Transactions.inTransaction(
        dataSource,
        "test",
        c -> engine.journeys.create(c, ws, JourneyJson.parse(Json.value(json)), clock.instant()));
  }

  /** Replaces a journey's definition (a new version unless it is a draft). */
  void update(long id, String json) {
    Transactions.inTransaction(
        dataSource,
        "test",
        c -> {
          engine.journeys.replace(
              c,
              engine.journeys.find(c, ws, id, true).orElseThrow(),
              JourneyJson.parse(Json.value(json)),
              clock.instant());
          return null;
        });
  }

  /** Rows of the workspace's runs, their step log and their timers. */
  long journeyRows() {
    return Transactions.autoCommit(
        dataSource,
        "test",
        c ->
            Sql.count(c, "SELECT COUNT(*) FROM journeys_run WHERE workspace_id = ?", ws)
                + Sql.count(
                    c,
                    "SELECT COUNT(*) FROM journeys_step s JOIN journeys_run r ON r.id = s.run_id"
                        + " WHERE r.workspace_id = ?",
                    ws)
                + Sql.count(c, "SELECT COUNT(*) FROM journeys_timer WHERE workspace_id = ?", ws));
  }

  StoredJourney journey(long id) {
    return Transactions.autoCommit(
        dataSource, "test", c -> engine.journeys.find(c, ws, id, false).orElseThrow());
  }

  /** Starts a run for the person as an API trigger does; returns its id (0 when refused). */
  long enter(long journeyId, String cioId, JsonObject data) {
    StoredJourney j = journey(journeyId);
    return Transactions.inTransaction(
        dataSource, "test", c -> engine.entries.enter(c, j, cioId, data, "test", clock.instant()));
  }

  void person(String cioId, String attributes) throws SQLException {
    JourneyTestDatabase.person(ws, cioId, attributes);
  }

  /**
   * The person performs an event now: stored, then handed to the engine as the feed reader would
   * (through the filter that leaves out events no journey cares about).
   */
  void event(String cioId, String name, String data) throws SQLException {
    RecordedEvent e =
        JourneyTestDatabase.event(ws, cioId, name, clock.instant(), Json.object(data));
    engine.triggers.onEvents(engine.feedFilter.events(List.of(e)));
    engine.poller.drain();
  }

  /** Runs what is due, then moves the clock to each next due timer up to {@code until}. */
  void advanceTo(Instant until) {
    while (true) {
      engine.dates.drain();
      engine.poller.drain();
      Instant next = nextDue();
      if (next == null || next.isAfter(until) || !next.isAfter(clock.instant())) {
        break;
      }
      clock.set(next);
    }
    if (clock.instant().isBefore(until)) {
      clock.set(until);
    }
    engine.dates.drain();
    engine.poller.drain();
  }

  void advance(Duration by) {
    advanceTo(clock.instant().plus(by));
  }

  private Instant nextDue() {
    Instant timer = nextTimer();
    Instant date =
        Transactions.autoCommit(
            dataSource,
            "test",
            c ->
                Sql.list(
                        c,
                        "SELECT MIN(due_at) FROM journeys_date_schedule WHERE workspace_id = ?",
                        rs -> Sql.instant(rs, 1),
                        ws)
                    .get(0));
    if (timer == null || (date != null && date.isBefore(timer))) {
      return date;
    }
    return timer;
  }

  private Instant nextTimer() {
    return Transactions.autoCommit(
        dataSource,
        "test",
        c ->
            Sql.list(
                    c,
                    "SELECT MIN(GREATEST(due_at, COALESCE(lease_until, due_at))) FROM journeys_timer"
                        + " WHERE workspace_id = ? AND held = 0",
                    rs -> Sql.instant(rs, 1),
                    ws)
                .get(0));
  }

  List<RunView> runs(long journeyId) {
    return Transactions.autoCommit(
        dataSource,
        "test",
        c -> {
          List<StoredRun> runs = RunStore.ofJourney(c, journeyId, null, 0, 100_000);
          return runs.stream()
              .map(
                  r -> {
                    try {
                      return r.view(RunStore.steps(c, r.id()));
                    } catch (SQLException e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .toList();
        });
  }

  RunView runOf(long journeyId, String cioId) {
    return runs(journeyId).stream()
        .filter(r -> r.cioId().equals(cioId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no run for " + cioId));
  }
}
