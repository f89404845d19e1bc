package io.herald.journeys.api;

import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.ConditionJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and checks a journey document (the App API's body and the export/import file):
 *
 * <pre>
 * {"name": "…",
 *  "trigger": {"type":"event","event":"signed_up","where":[FILTER…]}
 *           | {"type":"segment","segment_id":7,"on":"entered"|"exited"} | {"type":"api"},
 *  "entry": {"rule":"once"|"once_at_a_time"|"every_time", "filter": CONDITIONS,
 *            "frequency": {"max":N,"within":DURATION}},
 *  "start": "node id" (default: the first node),
 *  "nodes": [{"id","type","settings":{…},"next": "id" | {"label":"id",…}}…],
 *  "goal": {"event","where":[FILTER…],"within":DURATION,"after":"node id"},
 *  "exit": {"on_goal":true,"segment_exited":7}}
 * </pre>
 *
 * DURATION is {@code {"value":N,"unit":"minutes"|"hours"|"days"|"weeks"}}; FILTER a {@link
 * DataFilter}; CONDITIONS a segments condition document ({@link ConditionJson}). Every problem
 * (unknown keys, node types, labels; a missing field; an edge to no node; a cycle no waiting step
 * breaks) is reported with its JSON path.
 */
public final class JourneyJson {

  /** Most nodes in one journey. */
  public static final int MAX_NODES = 500;

  static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final JsonChecks checks = new JsonChecks();
  private final TriggerSettings triggers = new TriggerSettings(checks);
  private final NodeGraph graph = new NodeGraph(checks, new StepSettings(checks));

  private JourneyJson() {}

  /**
   * The checked definition.
   *
   * @throws InvalidJourneyException listing every problem found
   */
  public static JourneyDefinition parse(JsonValue json) {
    JourneyJson reader = new JourneyJson();
    JourneyDefinition d = reader.read(json);
    if (!reader.checks.problems().isEmpty()) {
      throw new InvalidJourneyException(reader.checks.problems());
    }
    return d;
  }

  /** Reads a duration {@code {"value":N,"unit":…}} (for callers that check settings again). */
  public static Duration duration(JsonObject json) {
    long value = json.getJsonNumber("value").longValueExact();
    return switch (json.getString("unit")) {
      case "seconds" -> Duration.ofSeconds(value);
      case "minutes" -> Duration.ofMinutes(value);
      case "hours" -> Duration.ofHours(value);
      case "days" -> Duration.ofDays(value);
      default -> Duration.ofDays(7 * value);
    };
  }

  /** Reads a list of filters written as {@link DataFilter}s (already checked). */
  public static List<DataFilter> filters(JsonArray json) {
    List<DataFilter> found = new ArrayList<>();
    if (json != null) {
      for (JsonValue v : json) {
        JsonObject o = v.asJsonObject();
        found.add(new DataFilter(o.getString("property"), o.getString("operator"), o.get("value")));
      }
    }
    return found;
  }

  /**
   * Refuses a {@code start_journey} step of journey {@code journeyId} that starts the journey
   * itself.
   *
   * @throws InvalidJourneyException naming each such step's {@code journey_id}
   */
  public static void refuseSelfStart(JourneyDefinition d, long journeyId) {
    List<String> self = ObjectStepSettings.selfStarts(d, journeyId);
    if (self.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>(d.nodes().keySet());
    List<String> problems = new ArrayList<>();
    for (String id : self) {
      problems.add(
          "$.nodes["
              + ids.indexOf(id)
              + "].settings.journey_id: a journey cannot start itself (campaign "
              + journeyId
              + ")");
    }
    throw new InvalidJourneyException(problems);
  }

  private JourneyDefinition read(JsonValue json) {
    JsonObject root = checks.object(json, "$");
    if (root == null) {
      return null;
    }
    checks.keys(root, "$", "name", "trigger", "entry", "start", "nodes", "goal", "exit");
    String name = checks.text(root, "$", "name", true);
    if (name != null && (name.isBlank() || name.length() > 255)) {
      checks.problem("$.name", "must be 1 to 255 characters");
    }
    Trigger trigger = trigger(root);
    EntryRule rule = EntryRule.ONCE_AT_A_TIME;
    ConditionDocument filter = null;
    JourneyDefinition.Frequency frequency = null;
    JsonObject entry = checks.optionalObject(root, "$", "entry");
    if (entry != null) {
      checks.keys(entry, "$.entry", "rule", "filter", "frequency");
      String r = checks.text(entry, "$.entry", "rule", false);
      if (r != null) {
        rule = null;
        for (EntryRule e : EntryRule.values()) {
          if (e.wire().equals(r)) {
            rule = e;
          }
        }
        if (rule == null) {
          checks.problem(
              "$.entry.rule", "must be once, once_at_a_time or every_time, not '" + r + "'");
          rule = EntryRule.ONCE_AT_A_TIME;
        }
      }
      if (entry.containsKey("filter")) {
        filter = checks.conditions(entry.get("filter"), "$.entry.filter");
      }
      JsonObject f = checks.optionalObject(entry, "$.entry", "frequency");
      if (f != null) {
        checks.keys(f, "$.entry.frequency", "max", "within");
        Long max = checks.integer(f, "$.entry.frequency", "max", true, 1, 1000);
        Duration within = checks.duration(f, "$.entry.frequency", "within", true);
        if (max != null && within != null) {
          frequency = new JourneyDefinition.Frequency(max.intValue(), within);
        }
      }
    }
    Map<String, Node> nodes = graph.nodes(root);
    String start = checks.text(root, "$", "start", false);
    if (start == null && !nodes.isEmpty()) {
      start = nodes.keySet().iterator().next();
    } else if (start != null && !nodes.containsKey(start)) {
      checks.problem("$.start", "no node has id '" + start + "'");
    }
    Goal goal = goal(root, nodes);
    boolean exitOnGoal = false;
    Long exitSegment = null;
    JsonObject exit = checks.optionalObject(root, "$", "exit");
    if (exit != null) {
      checks.keys(exit, "$.exit", "on_goal", "segment_exited");
      JsonValue og = exit.get("on_goal");
      if (og != null) {
        if (og.getValueType() != JsonValue.ValueType.TRUE
            && og.getValueType() != JsonValue.ValueType.FALSE) {
          checks.problem("$.exit.on_goal", "must be true or false");
        } else {
          exitOnGoal = og == JsonValue.TRUE;
        }
      }
      exitSegment = checks.integer(exit, "$.exit", "segment_exited", false, 1, Long.MAX_VALUE);
      if (exitOnGoal && goal == null) {
        checks.problem("$.exit.on_goal", "needs a goal");
      }
    }
    return new JourneyDefinition(
        name, trigger, rule, filter, frequency, start, nodes, goal, exitOnGoal, exitSegment, root);
  }

  private Trigger trigger(JsonObject root) {
    JsonObject t = checks.object(root.get("trigger"), "$.trigger");
    if (t == null) {
      return null;
    }
    String type = checks.text(t, "$.trigger", "type", true);
    if (type == null) {
      return null;
    }
    switch (type) {
      case "event":
        checks.keys(t, "$.trigger", "type", "event", "where");
        String event = checks.text(t, "$.trigger", "event", true);
        if (event != null && (event.isEmpty() || event.length() > 255)) {
          checks.problem("$.trigger.event", "must be 1 to 255 characters");
        }
        return new Trigger(
            Trigger.TriggerType.EVENT, event, checks.where(t, "$.trigger"), null, true);
      case "segment":
        checks.keys(t, "$.trigger", "type", "segment_id", "on");
        Long segment = checks.integer(t, "$.trigger", "segment_id", true, 1, Long.MAX_VALUE);
        String on = checks.text(t, "$.trigger", "on", false);
        if (on != null && !on.equals("entered") && !on.equals("exited")) {
          checks.problem("$.trigger.on", "must be entered or exited, not '" + on + "'");
        }
        return new Trigger(
            Trigger.TriggerType.SEGMENT, null, List.of(), segment, !"exited".equals(on));
      case "api":
        checks.keys(t, "$.trigger", "type");
        return new Trigger(Trigger.TriggerType.API, null, List.of(), null, true);
      case "date":
        return triggers.date(t);
      case "object":
        return triggers.object(t, false);
      case "relationship":
        return triggers.object(t, true);
      case "webhook":
        return triggers.webhook(t);
      default:
        checks.problem(
            "$.trigger.type",
            "must be event, segment, api, date, object, relationship or webhook, not '"
                + type
                + "'");
        return null;
    }
  }

  private Goal goal(JsonObject root, Map<String, Node> nodes) {
    JsonObject g = checks.optionalObject(root, "$", "goal");
    if (g == null) {
      return null;
    }
    checks.keys(g, "$.goal", "event", "where", "within", "after");
    String event = checks.text(g, "$.goal", "event", true);
    List<DataFilter> where = checks.where(g, "$.goal");
    Duration within = checks.duration(g, "$.goal", "within", true);
    String after = checks.text(g, "$.goal", "after", false);
    if (after != null && !nodes.containsKey(after)) {
      checks.problem("$.goal.after", "no node has id '" + after + "'");
    }
    return event == null || within == null ? null : new Goal(event, where, within, after);
  }
}
