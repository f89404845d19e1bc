package io.herald.journeys.internal;

import io.herald.journeys.api.JourneyState;
import io.herald.journeys.api.Node;
import io.herald.shared.json.Jsons;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The steps that reach beyond the run: {@code update_object} and {@code update_relationship}
 * (through the objects api; Liquid in values and object ids renders with the trigger data) and
 * {@code start_journey} (a run of another active journey of the workspace, entered under its own
 * entry rules in the step's transaction). Each records its outcome in the step log.
 */
final class LinkSteps {

  private final JourneyStore journeys;
  private final Entries entries;
  private final Effects effects;

  LinkSteps(JourneyStore journeys, Entries entries, Effects effects) {
    this.journeys = journeys;
    this.entries = entries;
    this.effects = effects;
  }

  /** Runs the step; the caller follows its single edge. */
  void run(RunLog log, StoredRun run, Node node, Instant now) throws SQLException {
    String outcome;
    String detail = null;
    try {
      switch (node.type()) {
        case UPDATE_OBJECT:
          {
            JsonObject s = node.settings();
            String id =
                s.containsKey("object_id")
                    ? LiquidValues.render(s.getString("object_id"), run.triggerData())
                    : null;
            int n =
                effects.updateObject(
                    ws(run),
                    run.cioId(),
                    typeId(s),
                    blankToFail(id),
                    LiquidValues.render(s.getJsonObject("attributes"), run.triggerData()));
            outcome = "updated";
            detail = n + (n == 1 ? " object" : " objects");
            break;
          }
        case UPDATE_RELATIONSHIP:
          {
            JsonObject s = node.settings();
            boolean relate = s.getString("action").equals("relate");
            String id = LiquidValues.render(s.getString("object_id"), run.triggerData());
            JsonObject attributes =
                s.containsKey("attributes")
                    ? LiquidValues.render(s.getJsonObject("attributes"), run.triggerData())
                    : null;
            effects.relationship(
                ws(run), run.cioId(), typeId(s), blankToFail(id), relate, attributes);
            outcome = relate ? "related" : "unrelated";
            detail = "object_type_id " + typeId(s) + ", object_id " + id;
            break;
          }
        default:
          {
            long target = node.settings().getJsonNumber("journey_id").longValueExact();
            Optional<Connection> c = log.connection();
            outcome = "started";
            if (c.isEmpty()) {
              // A simulation starts nothing.
              detail = "would start campaign " + target;
              break;
            }
            long started = start(c.get(), run, target, node, now);
            detail = "campaign " + target + (started == 0 ? ": not entered" : ", run " + started);
          }
      }
    } catch (Effects.StepFailure e) {
      outcome = "failed";
      detail = e.getMessage();
    }
    log.step(node.id(), outcome, detail, now);
  }

  private long start(Connection c, StoredRun run, long target, Node node, Instant now)
      throws SQLException {
    if (target == run.journeyId()) {
      throw new Effects.StepFailure("a journey cannot start itself");
    }
    Optional<StoredJourney> j = journeys.find(c, run.workspaceId(), target, false);
    if (j.isEmpty()) {
      throw new Effects.StepFailure("campaign " + target + " does not exist");
    }
    if (j.get().state() != JourneyState.ACTIVE) {
      throw new Effects.StepFailure(
          "campaign " + target + " is " + j.get().state().wire() + ", not active");
    }
    JsonObjectBuilder data = Jsons.createObjectBuilder(run.triggerData());
    JsonObject extra = node.settings().getJsonObject("data");
    if (extra != null) {
      LiquidValues.render(extra, run.triggerData()).forEach(data::add);
    }
    return entries.enter(
        c,
        j.get(),
        run.cioId(),
        data.build(),
        "journey " + run.journeyId() + " step " + node.id(),
        now);
  }

  private static String typeId(JsonObject s) {
    JsonValue v = s.get("object_type_id");
    return v instanceof JsonString t
        ? t.getString()
        : ((JsonNumber) v).bigIntegerValue().toString();
  }

  private static String blankToFail(String id) {
    if (id != null && id.isBlank()) {
      throw new Effects.StepFailure("object_id rendered empty");
    }
    return id;
  }

  private static WorkspaceId ws(StoredRun run) {
    return new WorkspaceId(run.workspaceId());
  }
}
