package io.herald.journeys.internal;

import io.herald.journeys.api.DataFilter;
import io.herald.journeys.api.JourneyDefinition;
import io.herald.journeys.api.JourneyJson;
import io.herald.journeys.api.Node;
import io.herald.journeys.api.NodeType;
import io.herald.journeys.api.Simulation;
import io.herald.segments.api.condition.ConditionJson;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Works out one person's path through a journey version on a virtual clock: the real {@link
 * StepRunner} takes every decision, writing to a {@link SimulatedRun} in memory through {@link
 * SimulationEffects} (conditions read the person's real data at each virtual instant plus the
 * hypothetical events that happened by then; sends are rendered, nothing is sent or written).
 * Timers fire at their due times; hypothetical events convert the goal and resume wait-until steps
 * as {@link Triggers} does (a timer due at an event's instant runs first).
 */
final class Simulator {

  private final Effects real;

  Simulator(Effects real) {
    this.real = real;
  }

  /** Simulates a run of version {@code version} ({@code d}) of journey {@code journeyId}. */
  Simulation simulate(
      long workspaceId,
      long journeyId,
      int version,
      JourneyDefinition d,
      String cioId,
      JsonObject data,
      List<Simulation.Event> events,
      Map<String, Simulation.WebhookAnswer> webhooks,
      Instant start,
      Duration horizon) {
    SimulationEffects effects = new SimulationEffects(real, journeyId, webhooks);
    StepRunner runner = new StepRunner(new JourneyStore(), effects);
    List<String> notes = new ArrayList<>();
    Instant end = start.plus(horizon);
    List<Simulation.Event> pending = new ArrayList<>(events);
    pending.sort(Comparator.comparing(Simulation.Event::offset));
    SimulatedRun run =
        new SimulatedRun(workspaceId, journeyId, version, cioId, data, d.start(), start);
    if (d.goal() != null && d.goal().after() == null) {
      run.goalWindow(start, start.plus(d.goal().within()));
    }
    run.step(d.start(), "entered", "simulation", start);
    run.timer(d.start(), TimerStore.STEP, start);
    String outcome = "horizon";
    Instant endedAt = end;
    try {
      while (true) {
        if (!run.view().active()) {
          outcome = run.view().state();
          endedAt = run.view().endedAt();
          break;
        }
        if (run.steps() > Simulation.MAX_STEPS) {
          outcome = "step_limit";
          endedAt = run.logged().get(run.steps() - 1).at();
          break;
        }
        Optional<SimulatedRun.Timer> timer = run.nextTimer();
        Instant eventAt = pending.isEmpty() ? null : start.plus(pending.get(0).offset());
        if (timer.isPresent() && (eventAt == null || !timer.get().due().isAfter(eventAt))) {
          SimulatedRun.Timer t = timer.get();
          if (t.due().isAfter(end)) {
            break;
          }
          run.take(t);
          runner.fire(run, d, run.view(), t.node(), t.kind(), t.due());
        } else if (eventAt != null && !eventAt.isAfter(end)) {
          event(runner, effects, d, run, pending.remove(0), eventAt);
        } else {
          break;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("a simulation touches no database", e);
    }
    return new Simulation(
        journeyId, version, cioId, start, end, steps(d, run, effects), outcome, endedAt, notes);
  }

  /** A hypothetical event: the goal, then a wait for it (or a re-check of a waited condition). */
  private static void event(
      StepRunner runner,
      SimulationEffects effects,
      JourneyDefinition d,
      SimulatedRun run,
      Simulation.Event e,
      Instant at)
      throws SQLException {
    JsonObject data = e.data() == null ? JsonValue.EMPTY_JSON_OBJECT : e.data();
    effects.happened(e.name(), at, data);
    StoredRun r = run.view();
    if (d.goal() != null
        && r.convertedAt() == null
        && r.goalFrom() != null
        && !at.isBefore(r.goalFrom())
        && !at.isAfter(r.goalUntil())
        && d.goal().event().equals(e.name())
        && DataFilter.all(d.goal().where(), data)) {
      run.converted(at);
      run.step(r.node(), "converted", e.name(), at);
      if (d.exitOnGoal()) {
        runner.exit(run, r.node(), "goal", at);
        return;
      }
    }
    Optional<Node> node = d.node(r.node()).filter(n -> n.type() == NodeType.WAIT_UNTIL);
    if (node.isEmpty()) {
      return;
    }
    JsonObject s = node.get().settings();
    if (e.name().equals(r.waitingEvent())
        && !at.isBefore(r.waitingSince())
        && DataFilter.all(
            JourneyJson.filters(s.getJsonObject("event").getJsonArray("where")), data)) {
      runner.met(run, d, r, at);
    } else if (r.waitingCondition()
        && effects.matches(
            new WorkspaceId(r.workspaceId()),
            r.cioId(),
            ConditionJson.parse(s.get("condition")),
            at)) {
      runner.met(run, d, r, at);
    }
  }

  private static List<Simulation.Step> steps(
      JourneyDefinition d, SimulatedRun run, SimulationEffects effects) {
    List<Simulation.Step> steps = new ArrayList<>();
    for (SimulatedRun.Logged l : run.logged()) {
      Optional<Node> node = d.node(l.node());
      String edge = null;
      if (l.next() != null && node.isPresent()) {
        Map<String, String> next = node.get().next();
        edge =
            l.next().equals(next.get(l.outcome()))
                ? l.outcome()
                : next.entrySet().stream()
                    .filter(x -> x.getValue().equals(l.next()))
                    .map(Map.Entry::getKey)
                    .sorted()
                    .findFirst()
                    .orElse(null);
      }
      String detail = l.detail();
      if (node.isPresent() && (detail == null || objectStep(node.get(), l.outcome()))) {
        detail = wouldDo(node.get(), l.outcome(), detail);
      }
      if (node.isPresent()
          && node.get().type() == NodeType.SEND_WEBHOOK
          && l.outcome().equals("success")) {
        JsonObject captured = effects.captured(node.get());
        detail = captured.isEmpty() ? detail : detail + "; would set " + captured;
      }
      Simulation.Preview preview =
          node.isPresent() && node.get().type().sends() && l.outcome().equals("sent")
              ? effects.nextPreview()
              : null;
      steps.add(
          new Simulation.Step(
              l.node(),
              node.map(n -> n.type().wire()).orElse(null),
              l.at(),
              l.outcome(),
              detail,
              edge,
              l.next(),
              preview));
    }
    return steps;
  }

  private static boolean objectStep(Node node, String outcome) {
    return (node.type() == NodeType.UPDATE_OBJECT || node.type() == NodeType.UPDATE_RELATIONSHIP)
        && !outcome.equals("failed");
  }

  /** What an update, segment or object step would have done. */
  private static String wouldDo(Node node, String outcome, String detail) {
    JsonObject s = node.settings();
    if (node.type() == NodeType.UPDATE_OBJECT && outcome.equals("updated")) {
      return "would set "
          + s.getJsonObject("attributes")
          + " on objects of type "
          + s.get("object_type_id")
          + (s.containsKey("object_id") ? " (object_id " + s.get("object_id") + ")" : "");
    }
    if (node.type() == NodeType.UPDATE_RELATIONSHIP) {
      return "would " + (outcome.equals("related") ? "relate to " : "unrelate from ") + detail;
    }
    switch (outcome) {
      case "updated":
        return "would set " + s.getJsonObject("attributes");
      case "added":
        return "would add to segment " + s.get("segment_id");
      case "removed":
        return "would remove from segment " + s.get("segment_id");
      default:
        return null;
    }
  }
}
