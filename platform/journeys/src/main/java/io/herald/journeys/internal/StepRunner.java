package io.herald.journeys.internal;

import io.herald.journeys.api.DataFilter;
import io.herald.journeys.api.JourneyDefinition;
import io.herald.journeys.api.JourneyJson;
import io.herald.journeys.api.JourneyState;
import io.herald.journeys.api.Node;
import io.herald.journeys.api.NodeType;
import io.herald.segments.api.condition.ConditionJson;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Executes steps. Every method runs inside the caller's transaction, which records the step's
 * outcome in the step log and the run's next step (a timer, or the run's end) together. What a step
 * writes goes through a {@link RunLog}: the run's rows, or a simulation's memory ({@link
 * Simulator}), so both take the same decisions.
 */
final class StepRunner {

  private final JourneyStore journeys;
  private final Effects effects;
  private final WebhookStep webhooks;
  private final LinkSteps links;

  StepRunner(JourneyStore journeys, Effects effects) {
    this.journeys = journeys;
    this.effects = effects;
    this.webhooks = new WebhookStep(effects);
    this.links = new LinkSteps(journeys, new Entries(effects), effects);
  }

  /** Handles a claimed timer of a locked, active run; its writes go to {@code w}. */
  void fire(RunWrites w, StoredRun run, TimerStore.Timer t, Instant now) throws SQLException {
    JourneyDefinition d = journeys.version(w.connection(), run.journeyId(), run.version());
    fire(new DbRunLog(w, run), d, run, t.node(), t.kind(), now);
  }

  /**
   * Handles a timer of {@code kind} at node {@code at} of a run of {@code d}, writing to {@code
   * log} (the database's rows, or a simulation's memory).
   */
  void fire(RunLog log, JourneyDefinition d, StoredRun run, String at, String kind, Instant now)
      throws SQLException {
    Optional<Node> node = d.node(at);
    if (node.isEmpty()) {
      exit(log, at, "missing_node", now);
      return;
    }
    switch (kind) {
      case TimerStore.RESUME:
        log.step(at, "resumed", null, now);
        go(log, d, node.get(), Node.NEXT, now);
        break;
      case TimerStore.CHECK:
        {
          if (!at.equals(run.node())) {
            return;
          }
          Optional<String> edge = webhooks.check(log, run, node.get(), now);
          if (edge.isPresent()) {
            go(log, d, node.get(), edge.get(), now);
          }
          break;
        }
      case TimerStore.TIMEOUT:
        if (!at.equals(run.node())) {
          return;
        }
        log.stopWaiting();
        log.step(at, "timeout", null, now);
        go(log, d, node.get(), "timeout", now);
        break;
      default:
        arrive(log, d, run, node.get(), now);
    }
  }

  /** A run reaches a node. */
  private void arrive(RunLog log, JourneyDefinition d, StoredRun run, Node node, Instant now)
      throws SQLException {
    log.moveTo(node.id());
    JsonObject s = node.settings();
    WorkspaceId ws = new WorkspaceId(run.workspaceId());
    switch (node.type()) {
      case DELAY:
        {
          Duration wait;
          if (s.containsKey("duration")) {
            wait = JourneyJson.duration(s.getJsonObject("duration"));
          } else {
            JsonObject b = s.getJsonObject("between");
            wait =
                Splits.between(
                    run.id(),
                    node.id(),
                    JourneyJson.duration(b.getJsonObject("min")),
                    JourneyJson.duration(b.getJsonObject("max")));
          }
          Instant due = now.plus(wait);
          log.timer(node.id(), TimerStore.RESUME, due);
          log.step(node.id(), "waiting", "until " + due, now);
          return;
        }
      case WAIT_UNTIL:
        {
          Instant timeout = now.plus(JourneyJson.duration(s.getJsonObject("timeout")));
          if (s.containsKey("event")) {
            log.waitFor(s.getJsonObject("event").getString("name"), false, now);
          } else if (effects.matches(
              ws, run.cioId(), ConditionJson.parse(s.get("condition")), now)) {
            log.step(node.id(), "met", null, now);
            go(log, d, node, "met", now);
            return;
          } else {
            log.waitFor(null, true, now);
          }
          log.timer(node.id(), TimerStore.TIMEOUT, timeout);
          log.step(node.id(), "waiting", "timeout at " + timeout, now);
          return;
        }
      case TIME_WINDOW:
        {
          String tz = s.getString("timezone", "person");
          ZoneId zone = "person".equals(tz) ? effects.zoneOf(ws, run.cioId()) : ZoneId.of(tz);
          Instant open = window(s).nextOpen(now, zone);
          if (open.equals(now)) {
            log.step(node.id(), "in_window", zone.getId(), now);
            go(log, d, node, Node.NEXT, now);
          } else {
            log.timer(node.id(), TimerStore.RESUME, open);
            log.step(node.id(), "waiting", "until " + open + " " + zone.getId(), now);
          }
          return;
        }
      case BRANCH:
        {
          String label = test(log, run, s, now) ? "true" : "false";
          log.step(node.id(), label, null, now);
          go(log, d, node, label, now);
          return;
        }
      case MULTI_SPLIT:
        {
          String label = "else";
          for (JsonValue b : s.getJsonArray("branches")) {
            if (test(log, run, b.asJsonObject(), now)) {
              label = b.asJsonObject().getString("label");
              break;
            }
          }
          log.step(node.id(), label, null, now);
          go(log, d, node, label, now);
          return;
        }
      case RANDOM_SPLIT:
        {
          JsonArray branches = s.getJsonArray("branches");
          List<Integer> percents = new ArrayList<>();
          branches.forEach(b -> percents.add(b.asJsonObject().getInt("percent")));
          String label =
              branches
                  .getJsonObject(Splits.pick(run.journeyId(), node.id(), run.cioId(), percents))
                  .getString("label");
          log.step(node.id(), label, null, now);
          go(log, d, node, label, now);
          return;
        }
      case SEND_EMAIL:
      case SEND_MESSAGE:
        try {
          String channel = s.getString("channel", "email");
          String delivery =
              channel.equals("email")
                  ? effects.sendEmail(ws, run.cioId(), s, run.triggerData(), sendKey(run, node))
                  : effects.send(
                      ws, run.cioId(), channel, s, run.triggerData(), sendKey(run, node));
          log.step(node.id(), "sent", delivery, now);
        } catch (Effects.StepFailure e) {
          log.step(node.id(), "failed", e.getMessage(), now);
        }
        go(log, d, node, Node.NEXT, now);
        return;
      case SEND_WEBHOOK:
        {
          Optional<String> edge = webhooks.call(log, run, node, sendKey(run, node), now);
          if (edge.isPresent()) {
            go(log, d, node, edge.get(), now);
          }
          return;
        }
      case UPDATE_ATTRIBUTE:
        try {
          effects.updateAttributes(ws, run.cioId(), s.getJsonObject("attributes"));
          log.step(node.id(), "updated", null, now);
        } catch (Effects.StepFailure e) {
          log.step(node.id(), "failed", e.getMessage(), now);
        }
        go(log, d, node, Node.NEXT, now);
        return;
      case ADD_TO_SEGMENT:
      case REMOVE_FROM_SEGMENT:
        {
          boolean add = node.type() == NodeType.ADD_TO_SEGMENT;
          try {
            effects.segment(ws, s.getJsonNumber("segment_id").longValueExact(), run.cioId(), add);
            log.step(node.id(), add ? "added" : "removed", null, now);
          } catch (Effects.StepFailure e) {
            log.step(node.id(), "failed", e.getMessage(), now);
          }
          go(log, d, node, Node.NEXT, now);
          return;
        }
      case UPDATE_OBJECT:
      case UPDATE_RELATIONSHIP:
      case START_JOURNEY:
        links.run(log, run, node, now);
        go(log, d, node, Node.NEXT, now);
        return;
      default:
        exit(log, node.id(), "exit_step", now);
    }
  }

  /**
   * The idempotency key of a send step: the journey, the run and the node ({@link #keyPrefix} is
   * the journey's part, which its metrics count by).
   */
  static String sendKey(StoredRun run, Node node) {
    return keyPrefix(run.journeyId()) + run.id() + "-" + node.id();
  }

  /** The start of the idempotency keys of a journey's sends. */
  static String keyPrefix(long journeyId) {
    return "journey-" + journeyId + "-run-";
  }

  /** A wait-until step of a locked run was satisfied (its event arrived, its condition holds). */
  void met(Connection c, StoredRun run, Instant now) throws SQLException {
    met(new DbRunLog(c, run), journeys.version(c, run.journeyId(), run.version()), run, now);
  }

  /** A wait-until step of a run of {@code d} was satisfied, written to {@code log}. */
  void met(RunLog log, JourneyDefinition d, StoredRun run, Instant now) throws SQLException {
    Optional<Node> node = d.node(run.node());
    if (node.isEmpty() || node.get().type() != NodeType.WAIT_UNTIL) {
      return;
    }
    log.deleteTimers(TimerStore.TIMEOUT);
    log.stopWaiting();
    log.step(run.node(), "met", null, now);
    go(log, d, node.get(), "met", now);
  }

  /** Whether a waiting run's journey is active (a paused journey holds its runs). */
  boolean running(Connection c, StoredRun run) throws SQLException {
    return journeys.stateOf(c, run.journeyId()) == JourneyState.ACTIVE;
  }

  /** Ends a locked run early. */
  void exit(Connection c, StoredRun run, String node, String reason, Instant now)
      throws SQLException {
    exit(new DbRunLog(c, run), node, reason, now);
  }

  /** Ends a locked run of a poller's batch early; its writes go to {@code w}. */
  void exit(RunWrites w, StoredRun run, String node, String reason, Instant now)
      throws SQLException {
    exit(new DbRunLog(w, run), node, reason, now);
  }

  /** Ends a run early, written to {@code log}. */
  void exit(RunLog log, String node, String reason, Instant now) throws SQLException {
    log.step(node == null ? "" : node, "exited", reason, now);
    log.end(StoredRun.EXITED, reason, now);
  }

  /**
   * Follows the edge {@code label} out of {@code node}: the next step is due now, or the run ends.
   */
  private void go(RunLog log, JourneyDefinition d, Node node, String label, Instant now)
      throws SQLException {
    if (d.goal() != null && node.id().equals(d.goal().after())) {
      log.goalWindow(now, now.plus(d.goal().within()));
    }
    Optional<String> target = node.after(label);
    if (target.isEmpty()) {
      log.step(node.id(), "completed", null, now);
      log.end(StoredRun.COMPLETED, null, now);
      return;
    }
    log.moveTo(target.get());
    log.timer(target.get(), TimerStore.STEP, now);
  }

  /** A branch test: a condition tree, the trigger data, or an earlier message's engagement. */
  private boolean test(RunLog log, StoredRun run, JsonObject s, Instant now) throws SQLException {
    WorkspaceId ws = new WorkspaceId(run.workspaceId());
    if (s.containsKey("condition")) {
      return effects.matches(ws, run.cioId(), ConditionJson.parse(s.get("condition")), now);
    }
    if (s.containsKey("trigger_data")) {
      return DataFilter.all(JourneyJson.filters(s.getJsonArray("trigger_data")), run.triggerData());
    }
    JsonObject m = s.getJsonObject("message");
    List<String> deliveries = log.deliveries(m.getString("node"));
    String metric = m.getString("metric");
    for (String delivery : deliveries) {
      if (effects
          .deliveryMetrics(ws, delivery)
          .map(metrics -> metrics.containsKey(metric))
          .orElse(false)) {
        return true;
      }
    }
    return false;
  }

  static TimeWindows window(JsonObject s) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (JsonValue d : s.getJsonArray("days")) {
      days.add(DayOfWeek.valueOf(((JsonString) d).getString().toUpperCase(Locale.ROOT)));
    }
    return new TimeWindows(
        days, LocalTime.parse(s.getString("from")), LocalTime.parse(s.getString("to")));
  }
}
