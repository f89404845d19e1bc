package io.herald.journeys.internal;

import io.herald.events.api.EventSubject;
import io.herald.events.api.RecordedEvent;
import io.herald.journeys.api.DataFilter;
import io.herald.journeys.api.JourneyDefinition;
import io.herald.journeys.api.JourneyJson;
import io.herald.journeys.api.Node;
import io.herald.journeys.api.NodeType;
import io.herald.people.api.PersonChangeFeed;
import io.herald.segments.api.condition.ConditionJson;
import io.herald.shared.persistence.Transactions;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What changes do to journeys, one transaction per change: an event converts runs whose goal it is,
 * resumes runs waiting for it, re-checks runs waiting for a condition, and starts runs of the
 * active journeys it triggers (when it happened within the trigger window and after the journey was
 * first activated); a segment change exits runs whose exit condition is leaving it, re-checks
 * waiting conditions and starts runs of the journeys it triggers.
 */
final class Triggers {

  /** One enter or exit of a segment (a {@code segments_membership_change} row). */
  record MembershipChange(
      long id, long workspaceId, long segmentId, String cioId, boolean entered, Instant at) {}

  private final DataSource dataSource;
  private final Clock clock;
  private final JourneyStore journeys;
  private final Entries entries;
  private final StepRunner steps;
  private final Effects effects;
  private final Duration eventWindow;

  Triggers(
      DataSource dataSource,
      Clock clock,
      JourneyStore journeys,
      Entries entries,
      StepRunner steps,
      Effects effects,
      Duration eventWindow) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.journeys = journeys;
    this.entries = entries;
    this.steps = steps;
    this.effects = effects;
    this.eventWindow = eventWindow;
  }

  /** Handles a batch of committed events (at least once: every effect is idempotent). */
  void onEvents(List<RecordedEvent> events) {
    for (RecordedEvent e : events) {
      if (e.subject() instanceof EventSubject.Person p) {
        Transactions.inTransaction(
            dataSource,
            "journeys event",
            c -> {
              onEvent(c, e, p.cioId());
              return null;
            });
      }
    }
  }

  private void onEvent(Connection c, RecordedEvent e, String cioId) throws SQLException {
    Instant now = clock.instant();
    long ws = e.workspaceId();
    JsonObject data = e.data() == null ? JsonValue.EMPTY_JSON_OBJECT : e.data();
    for (StoredRun run : RunStore.convertible(c, ws, cioId, e.occurredAt())) {
      JourneyDefinition d = journeys.version(c, run.journeyId(), run.version());
      if (d.goal() != null
          && d.goal().event().equals(e.name())
          && DataFilter.all(d.goal().where(), data)) {
        RunStore.converted(c, run.id(), e.occurredAt());
        RunStore.step(c, run.id(), run.node(), "converted", e.name(), now);
        if (d.exitOnGoal() && run.active()) {
          steps.exit(c, run, run.node(), "goal", now);
        }
      }
    }
    for (StoredRun run : RunStore.activeOf(c, ws, cioId)) {
      if (run.waitingEvent() != null
          && run.waitingEvent().equals(e.name())
          && !e.occurredAt().isBefore(run.waitingSince())
          && waitedFilters(c, run).map(f -> DataFilter.all(f, data)).orElse(false)
          && steps.running(c, run)) {
        steps.met(c, run, now);
      } else if (run.waitingCondition()) {
        recheck(c, run, now);
      }
    }
    if (e.occurredAt().isBefore(now.minus(eventWindow))) {
      return;
    }
    for (StoredJourney j : journeys.active(c, ws, "event")) {
      JourneyDefinition d = j.definition();
      if (d.trigger().event().equals(e.name())
          && !e.receivedAt().isBefore(j.firstStartedAt())
          && DataFilter.all(d.trigger().where(), data)) {
        entries.enter(c, j, cioId, data, "event " + e.name(), now);
      }
    }
  }

  /** Handles segment enters and exits (at least once). */
  void onMembershipChanges(List<MembershipChange> changes) {
    for (MembershipChange m : changes) {
      Transactions.inTransaction(
          dataSource,
          "journeys segment change",
          c -> {
            onMembershipChange(c, m);
            return null;
          });
    }
  }

  private void onMembershipChange(Connection c, MembershipChange m) throws SQLException {
    Instant now = clock.instant();
    for (StoredRun run : RunStore.activeOf(c, m.workspaceId(), m.cioId())) {
      JourneyDefinition d = journeys.version(c, run.journeyId(), run.version());
      if (!m.entered()
          && d.exitSegment() != null
          && d.exitSegment() == m.segmentId()
          && !m.at().isBefore(run.enteredAt())) {
        steps.exit(c, run, run.node(), "segment", now);
      } else if (run.waitingCondition()) {
        recheck(c, run, now);
      }
    }
    for (StoredJourney j : journeys.active(c, m.workspaceId(), "segment")) {
      JourneyDefinition d = j.definition();
      if (d.trigger().segmentId() == m.segmentId()
          && d.trigger().onEnter() == m.entered()
          && !m.at().isBefore(j.firstStartedAt())) {
        entries.enter(
            c,
            j,
            m.cioId(),
            JsonValue.EMPTY_JSON_OBJECT,
            (m.entered() ? "entered" : "exited") + " segment " + m.segmentId(),
            now);
      }
    }
  }

  /**
   * Re-checks the condition waits of people whose attributes changed (people's change feed: a wait
   * on {@code plan = pro} goes on when an identify sets it, not only on their next event or segment
   * change). At least once: a wait already met is not waiting any more.
   */
  void onPersonChanges(List<PersonChangeFeed.Entry> changes) {
    for (PersonChangeFeed.Entry e : changes) {
      String kind = e.change().kind();
      if (!kind.equals("created") && !kind.equals("attribute_change") && !kind.equals("merged")) {
        continue;
      }
      Transactions.inTransaction(
          dataSource,
          "journeys person change",
          c -> {
            Instant now = clock.instant();
            for (StoredRun run :
                RunStore.waitingForCondition(c, e.workspaceId(), e.change().cioId())) {
              recheck(c, run, now);
            }
            return null;
          });
    }
  }

  /** A run waiting for a condition goes on when it holds now. */
  private void recheck(Connection c, StoredRun run, Instant now) throws SQLException {
    JourneyDefinition d = journeys.version(c, run.journeyId(), run.version());
    Optional<Node> node = d.node(run.node());
    if (node.isEmpty()
        || node.get().type() != NodeType.WAIT_UNTIL
        || !node.get().settings().containsKey("condition")
        || !steps.running(c, run)) {
      return;
    }
    if (effects.matches(
        new WorkspaceId(run.workspaceId()),
        run.cioId(),
        ConditionJson.parse(node.get().settings().get("condition")),
        now)) {
      steps.met(c, run, now);
    }
  }

  private Optional<List<DataFilter>> waitedFilters(Connection c, StoredRun run)
      throws SQLException {
    JourneyDefinition d = journeys.version(c, run.journeyId(), run.version());
    return d.node(run.node())
        .filter(n -> n.type() == NodeType.WAIT_UNTIL && n.settings().containsKey("event"))
        .map(n -> JourneyJson.filters(n.settings().getJsonObject("event").getJsonArray("where")));
  }
}
