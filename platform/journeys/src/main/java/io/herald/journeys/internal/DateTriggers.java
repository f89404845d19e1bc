package io.herald.journeys.internal;

import io.herald.journeys.api.JourneyState;
import io.herald.journeys.api.Trigger;
import io.herald.journeys.api.TriggerDetails;
import io.herald.journeys.api.TriggerDetails.DateTrigger;
import io.herald.people.api.PersonChangeFeed;
import io.herald.shared.json.Jsons;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Date-attribute triggers: each person's next occurrence per journey in {@code
 * journeys_date_schedule}, filled in chunks when the journey becomes active (or gets a new
 * version), kept up to date from people's change feed, and claimed by every node's poller with
 * {@code SKIP LOCKED} when due. An occurrence more than {@link #GRACE} in the past is never
 * scheduled, so activating a journey does not start runs for dates long gone; one within it starts
 * a run at once.
 */
final class DateTriggers {

  /** How late an occurrence may still start a run. */
  static final Duration GRACE = Duration.ofHours(24);

  private static final int CHUNK = 500;

  private final DataSource dataSource;
  private final Clock clock;
  private final JourneyStore journeys;
  private final Entries entries;
  private final Effects effects;
  private final int batchSize;

  DateTriggers(
      DataSource dataSource,
      Clock clock,
      JourneyStore journeys,
      Entries entries,
      Effects effects,
      int batchSize) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.journeys = journeys;
    this.entries = entries;
    this.effects = effects;
    this.batchSize = batchSize;
  }

  /**
   * Rebuilds a journey's schedule from everyone's attributes (an active or paused date-triggered
   * journey), or clears it (any other).
   */
  void refresh(long ws, long journeyId) {
    Optional<StoredJourney> found =
        Transactions.autoCommit(
            dataSource, "journeys dates", c -> journeys.find(c, ws, journeyId, false));
    if (found.isEmpty()
        || found.get().definition().trigger().type() != Trigger.TriggerType.DATE
        || (found.get().state() != JourneyState.ACTIVE
            && found.get().state() != JourneyState.PAUSED)) {
      Transactions.autoCommit(
          dataSource,
          "journeys dates",
          c -> Sql.update(c, "DELETE FROM journeys_date_schedule WHERE journey_id = ?", journeyId));
      return;
    }
    DateTrigger t = TriggerDetails.date(found.get().definition());
    String after = null;
    while (true) {
      List<Effects.Person> page = effects.people(new WorkspaceId(ws), after, CHUNK);
      if (page.isEmpty()) {
        return;
      }
      Transactions.inTransaction(
          dataSource,
          "journeys dates",
          c -> {
            for (Effects.Person p : page) {
              schedule(c, ws, journeyId, t, p.cioId(), Optional.of(p.attributes()));
            }
            return null;
          });
      if (page.size() < CHUNK) {
        return;
      }
      after = page.get(page.size() - 1).cioId();
    }
  }

  /**
   * Reschedules the people whose date attribute or time zone changed (people's change feed).
   *
   * @return whether anything was written
   */
  boolean onPersonChanges(List<PersonChangeFeed.Entry> changes) {
    boolean wrote = false;
    Map<Long, List<StoredJourney>> byWorkspace = new HashMap<>();
    for (PersonChangeFeed.Entry e : changes) {
      String kind = e.change().kind();
      if (!kind.equals("created") && !kind.equals("attribute_change") && !kind.equals("merged")) {
        continue;
      }
      List<StoredJourney> dated =
          byWorkspace.computeIfAbsent(
              e.workspaceId(),
              ws ->
                  Transactions.autoCommit(
                      dataSource, "journeys dates", c -> journeys.active(c, ws, "date")));
      List<String> names = e.attributeNames();
      for (StoredJourney j : dated) {
        DateTrigger t = TriggerDetails.date(j.definition());
        if (kind.equals("merged") || names.contains(t.attribute()) || names.contains("timezone")) {
          Optional<JsonObject> attributes =
              effects.attributes(new WorkspaceId(e.workspaceId()), e.change().cioId());
          Transactions.inTransaction(
              dataSource,
              "journeys dates",
              c -> {
                schedule(c, e.workspaceId(), j.id(), t, e.change().cioId(), attributes);
                return null;
              });
          wrote = true;
        }
      }
    }
    return wrote;
  }

  /**
   * Starts the runs whose date has come; returns how many schedule rows were handled. Without an
   * active date-triggered journey it opens no transaction (an idle poll commits nothing).
   */
  int drain() {
    boolean anyActive =
        Transactions.autoCommit(
            dataSource,
            "journeys date poller",
            c ->
                !Sql.list(
                        c,
                        "SELECT 1 FROM journeys_journey WHERE state = 'active'"
                            + " AND trigger_type = 'date' LIMIT 1",
                        rs -> rs.getInt(1))
                    .isEmpty());
    if (!anyActive) {
      return 0;
    }
    int total = 0;
    while (true) {
      int n = Transactions.inTransaction(dataSource, "journeys date poller", this::due);
      total += n;
      if (n < batchSize) {
        return total;
      }
    }
  }

  private record Row(long journeyId, String cioId, long ws, Instant lastOccurrence) {}

  private int due(Connection c) throws SQLException {
    Instant now = clock.instant();
    List<Long> active =
        Sql.list(
            c,
            "SELECT id FROM journeys_journey WHERE state = 'active' AND trigger_type = 'date'",
            rs -> rs.getLong(1));
    if (active.isEmpty()) {
      return 0;
    }
    String ids = active.stream().map(String::valueOf).collect(Collectors.joining(","));
    List<Row> rows =
        Sql.list(
            c,
            "SELECT journey_id, cio_id, workspace_id, last_occurrence FROM journeys_date_schedule"
                + " WHERE due_at <= ? AND journey_id IN ("
                + ids
                + ") ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED",
            rs -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), Sql.instant(rs, 4)),
            now,
            batchSize);
    Map<Long, StoredJourney> found = new HashMap<>();
    for (Row row : rows) {
      StoredJourney j = found.get(row.journeyId());
      if (j == null) {
        j = journeys.find(c, row.ws(), row.journeyId(), false).orElseThrow();
        found.put(row.journeyId(), j);
      }
      fire(c, j, row, now);
    }
    return rows.size();
  }

  private void fire(Connection c, StoredJourney j, Row row, Instant now) throws SQLException {
    WorkspaceId ws = new WorkspaceId(row.ws());
    DateTrigger t = TriggerDetails.date(j.definition());
    Optional<JsonObject> attributes = effects.attributes(ws, row.cioId());
    if (attributes.isEmpty()) {
      delete(c, row.journeyId(), row.cioId());
      return;
    }
    JsonValue value = attributes.get().get(t.attribute());
    ZoneId zone = effects.zoneOf(ws, row.cioId());
    Optional<Instant> occurrence = DateMath.next(t, value, zone, from(now, row.lastOccurrence()));
    if (occurrence.isEmpty() || occurrence.get().isAfter(now)) {
      setDue(c, row.journeyId(), row.cioId(), occurrence.orElse(null), row.lastOccurrence());
      return;
    }
    JsonObject data =
        Jsons.createObjectBuilder()
            .add("attribute", t.attribute())
            .add("value", value)
            .add("date", occurrence.get().toString())
            .build();
    entries.enter(c, j, row.cioId(), data, "date " + t.attribute(), now);
    Optional<Instant> next =
        t.yearly()
            ? DateMath.next(t, value, zone, occurrence.get().plusMillis(1))
            : Optional.empty();
    setDue(c, row.journeyId(), row.cioId(), next.orElse(null), occurrence.get());
  }

  /**
   * Writes a person's next occurrence (inside the caller's transaction); a person with no date gets
   * no row.
   */
  private void schedule(
      Connection c,
      long ws,
      long journeyId,
      DateTrigger t,
      String cioId,
      Optional<JsonObject> attributes)
      throws SQLException {
    List<Optional<Instant>> last =
        Sql.list(
            c,
            "SELECT last_occurrence FROM journeys_date_schedule"
                + " WHERE journey_id = ? AND cio_id = ? FOR UPDATE",
            rs -> Optional.ofNullable(Sql.instant(rs, 1)),
            journeyId,
            cioId);
    Instant lastOccurrence = last.isEmpty() ? null : last.get(0).orElse(null);
    Optional<Instant> due = Optional.empty();
    JsonValue value = attributes.map(a -> a.get(t.attribute())).orElse(null);
    if (value != null) {
      ZoneId zone = effects.zoneOf(new WorkspaceId(ws), cioId);
      due = DateMath.next(t, value, zone, from(clock.instant(), lastOccurrence));
    }
    if (last.isEmpty()) {
      if (due.isPresent()) {
        Sql.update(
            c,
            "INSERT INTO journeys_date_schedule (journey_id, cio_id, workspace_id, due_at)"
                + " VALUES (?, ?, ?, ?)",
            journeyId,
            cioId,
            ws,
            due.get());
      }
    } else {
      setDue(c, journeyId, cioId, due.orElse(null), lastOccurrence);
    }
  }

  private static Instant from(Instant now, Instant lastOccurrence) {
    Instant graceful = now.minus(GRACE);
    return lastOccurrence != null && !lastOccurrence.isBefore(graceful)
        ? lastOccurrence.plusMillis(1)
        : graceful;
  }

  private static void setDue(
      Connection c, long journeyId, String cioId, Instant due, Instant lastOccurrence)
      throws SQLException {
    Sql.update(
        c,
        "UPDATE journeys_date_schedule SET due_at = ?, last_occurrence = ?"
            + " WHERE journey_id = ? AND cio_id = ?",
        due,
        lastOccurrence,
        journeyId,
        cioId);
  }

  private static void delete(Connection c, long journeyId, String cioId) throws SQLException {
    Sql.update(
        c,
        "DELETE FROM journeys_date_schedule WHERE journey_id = ? AND cio_id = ?",
        journeyId,
        cioId);
  }
}
