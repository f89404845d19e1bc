package io.herald.journeys.api;

import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.ConditionJson;
import io.herald.segments.api.condition.InvalidConditionException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern HOUR = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  private static final List<String> DAYS =
      List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
  private static final Set<String> MESSAGE_CHANNELS = Set.of("sms", "push", "whatsapp", "in_app");
  private static final Set<String> METRICS =
      Set.of("sent", "delivered", "opened", "clicked", "converted", "bounced", "unsubscribed");

  private final List<String> problems = new ArrayList<>();

  private JourneyJson() {}

  /**
   * The checked definition.
   *
   * @throws InvalidJourneyException listing every problem found
   */
  public static JourneyDefinition parse(JsonValue json) {
    JourneyJson reader = new JourneyJson();
    JourneyDefinition d = reader.read(json);
    if (!reader.problems.isEmpty()) {
      throw new InvalidJourneyException(reader.problems);
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

  private JourneyDefinition read(JsonValue json) {
    JsonObject root = object(json, "$");
    if (root == null) {
      return null;
    }
    keys(root, "$", "name", "trigger", "entry", "start", "nodes", "goal", "exit");
    String name = text(root, "$", "name", true);
    if (name != null && (name.isBlank() || name.length() > 255)) {
      problem("$.name", "must be 1 to 255 characters");
    }
    Trigger trigger = trigger(root);
    EntryRule rule = EntryRule.ONCE_AT_A_TIME;
    ConditionDocument filter = null;
    JourneyDefinition.Frequency frequency = null;
    JsonObject entry = optionalObject(root, "$", "entry");
    if (entry != null) {
      keys(entry, "$.entry", "rule", "filter", "frequency");
      String r = text(entry, "$.entry", "rule", false);
      if (r != null) {
        rule = null;
        for (EntryRule e : EntryRule.values()) {
          if (e.wire().equals(r)) {
            rule = e;
          }
        }
        if (rule == null) {
          problem("$.entry.rule", "must be once, once_at_a_time or every_time, not '" + r + "'");
          rule = EntryRule.ONCE_AT_A_TIME;
        }
      }
      if (entry.containsKey("filter")) {
        filter = conditions(entry.get("filter"), "$.entry.filter");
      }
      JsonObject f = optionalObject(entry, "$.entry", "frequency");
      if (f != null) {
        keys(f, "$.entry.frequency", "max", "within");
        Long max = integer(f, "$.entry.frequency", "max", true, 1, 1000);
        Duration within = duration(f, "$.entry.frequency", "within", true);
        if (max != null && within != null) {
          frequency = new JourneyDefinition.Frequency(max.intValue(), within);
        }
      }
    }
    Map<String, Node> nodes = nodes(root);
    String start = text(root, "$", "start", false);
    if (start == null && !nodes.isEmpty()) {
      start = nodes.keySet().iterator().next();
    } else if (start != null && !nodes.containsKey(start)) {
      problem("$.start", "no node has id '" + start + "'");
    }
    Goal goal = goal(root, nodes);
    boolean exitOnGoal = false;
    Long exitSegment = null;
    JsonObject exit = optionalObject(root, "$", "exit");
    if (exit != null) {
      keys(exit, "$.exit", "on_goal", "segment_exited");
      JsonValue og = exit.get("on_goal");
      if (og != null) {
        if (og.getValueType() != JsonValue.ValueType.TRUE
            && og.getValueType() != JsonValue.ValueType.FALSE) {
          problem("$.exit.on_goal", "must be true or false");
        } else {
          exitOnGoal = og == JsonValue.TRUE;
        }
      }
      exitSegment = integer(exit, "$.exit", "segment_exited", false, 1, Long.MAX_VALUE);
      if (exitOnGoal && goal == null) {
        problem("$.exit.on_goal", "needs a goal");
      }
    }
    return new JourneyDefinition(
        name, trigger, rule, filter, frequency, start, nodes, goal, exitOnGoal, exitSegment, root);
  }

  private Trigger trigger(JsonObject root) {
    JsonObject t = object(root.get("trigger"), "$.trigger");
    if (t == null) {
      return null;
    }
    String type = text(t, "$.trigger", "type", true);
    if (type == null) {
      return null;
    }
    switch (type) {
      case "event":
        keys(t, "$.trigger", "type", "event", "where");
        String event = text(t, "$.trigger", "event", true);
        if (event != null && (event.isEmpty() || event.length() > 255)) {
          problem("$.trigger.event", "must be 1 to 255 characters");
        }
        return new Trigger(Trigger.TriggerType.EVENT, event, where(t, "$.trigger"), null, true);
      case "segment":
        keys(t, "$.trigger", "type", "segment_id", "on");
        Long segment = integer(t, "$.trigger", "segment_id", true, 1, Long.MAX_VALUE);
        String on = text(t, "$.trigger", "on", false);
        if (on != null && !on.equals("entered") && !on.equals("exited")) {
          problem("$.trigger.on", "must be entered or exited, not '" + on + "'");
        }
        return new Trigger(
            Trigger.TriggerType.SEGMENT, null, List.of(), segment, !"exited".equals(on));
      case "api":
        keys(t, "$.trigger", "type");
        return new Trigger(Trigger.TriggerType.API, null, List.of(), null, true);
      default:
        problem("$.trigger.type", "must be event, segment or api, not '" + type + "'");
        return null;
    }
  }

  private Map<String, Node> nodes(JsonObject root) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    JsonValue value = root.get("nodes");
    if (value == null) {
      problem("$.nodes", "is required");
      return nodes;
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      problem("$.nodes", "must be an array");
      return nodes;
    }
    JsonArray array = value.asJsonArray();
    if (array.isEmpty() || array.size() > MAX_NODES) {
      problem("$.nodes", "must have 1 to " + MAX_NODES + " nodes");
    }
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String path = "$.nodes[" + i + "]";
      Node node = node(array.get(i), path);
      if (node == null) {
        continue;
      }
      if (nodes.containsKey(node.id())) {
        problem(path + ".id", "another node has id '" + node.id() + "'");
        continue;
      }
      nodes.put(node.id(), node);
      paths.add(path);
    }
    // Edges name existing nodes.
    int i = 0;
    for (Node node : nodes.values()) {
      String path = paths.get(i++);
      for (Map.Entry<String, String> edge : node.next().entrySet()) {
        if (!nodes.containsKey(edge.getValue())) {
          String at =
              Node.NEXT.equals(edge.getKey()) && node.next().size() == 1 && !isMap(node)
                  ? path + ".next"
                  : path + ".next." + edge.getKey();
          problem(at, "no node has id '" + edge.getValue() + "' (dangling edge)");
        }
      }
    }
    cycles(nodes, paths);
    checkReferences(nodes, paths);
    return nodes;
  }

  private static boolean isMap(Node node) {
    return !node.type().labels().isEmpty()
        || node.type() == NodeType.MULTI_SPLIT
        || node.type() == NodeType.RANDOM_SPLIT;
  }

  /** A cycle is allowed only through a step where runs wait. */
  private void cycles(Map<String, Node> nodes, List<String> paths) {
    Map<String, Integer> state = new HashMap<>();
    List<String> order = new ArrayList<>(nodes.keySet());
    for (String id : order) {
      if (!state.containsKey(id)) {
        String found = visit(id, nodes, state);
        if (found != null) {
          problem(
              paths.get(order.indexOf(found)) + ".next",
              "cycle through '" + found + "' without a delay, wait_until or time_window step");
          return;
        }
      }
    }
  }

  private String visit(String id, Map<String, Node> nodes, Map<String, Integer> state) {
    state.put(id, 1);
    Node node = nodes.get(id);
    if (node != null && !node.type().waits()) {
      for (String target : node.next().values()) {
        Node next = nodes.get(target);
        if (next == null || next.type().waits()) {
          continue;
        }
        Integer s = state.get(target);
        if (s != null && s == 1) {
          return target;
        }
        if (s == null) {
          String found = visit(target, nodes, state);
          if (found != null) {
            return found;
          }
        }
      }
    }
    state.put(id, 2);
    return null;
  }

  /** Branches on an earlier message name a send_email or send_message node. */
  private void checkReferences(Map<String, Node> nodes, List<String> paths) {
    int i = 0;
    for (Node node : nodes.values()) {
      String path = paths.get(i++) + ".settings";
      List<JsonObject> tests = new ArrayList<>();
      if (node.type() == NodeType.BRANCH) {
        tests.add(node.settings());
      } else if (node.type() == NodeType.MULTI_SPLIT
          && node.settings().get("branches") instanceof JsonArray branches) {
        branches.forEach(b -> tests.add(b.asJsonObject()));
      }
      for (JsonObject test : tests) {
        if (test.get("message") instanceof JsonObject m && m.get("node") instanceof JsonString s) {
          Node target = nodes.get(s.getString());
          if (target == null || !target.type().sends()) {
            problem(
                path,
                "message.node '" + s.getString() + "' is not a send_email or send_message node");
          }
        }
      }
    }
  }

  private Node node(JsonValue value, String path) {
    JsonObject o = object(value, path);
    if (o == null) {
      return null;
    }
    keys(o, path, "id", "type", "settings", "next", "name");
    String id = text(o, path, "id", true);
    if (id != null && !NODE_ID.matcher(id).matches()) {
      problem(path + ".id", "must be 1 to 64 letters, digits, '_' or '-'");
    }
    String typeName = text(o, path, "type", true);
    if (id == null || typeName == null) {
      return null;
    }
    NodeType type = NodeType.of(typeName).orElse(null);
    if (type == null) {
      problem(path + ".type", "unknown node type '" + typeName + "'");
      return null;
    }
    JsonObject settings = optionalObject(o, path, "settings");
    if (settings == null) {
      settings = JsonValue.EMPTY_JSON_OBJECT;
    }
    List<String> labels = settings(type, settings, path + ".settings");
    Map<String, String> next = new LinkedHashMap<>();
    JsonValue n = o.get("next");
    if (n != null && n.getValueType() != JsonValue.ValueType.NULL) {
      if (type == NodeType.EXIT) {
        problem(path + ".next", "an exit node has no next");
      } else if (labels == null) {
        if (n instanceof JsonString s) {
          next.put(Node.NEXT, s.getString());
        } else {
          problem(path + ".next", "must be a node id (string)");
        }
      } else if (n instanceof JsonObject edges) {
        for (Map.Entry<String, JsonValue> e : edges.entrySet()) {
          if (!labels.contains(e.getKey())) {
            problem(
                path + ".next." + e.getKey(),
                "unknown edge label; this step has " + String.join(", ", labels));
          } else if (e.getValue() instanceof JsonString s) {
            next.put(e.getKey(), s.getString());
          } else if (e.getValue().getValueType() != JsonValue.ValueType.NULL) {
            problem(path + ".next." + e.getKey(), "must be a node id (string)");
          }
        }
      } else {
        problem(path + ".next", "must be an object of " + String.join(", ", labels));
      }
    }
    return new Node(id, type, settings, next);
  }

  /** Checks a node's settings; returns its edge labels (null for a single-exit step). */
  private List<String> settings(NodeType type, JsonObject s, String path) {
    switch (type) {
      case DELAY:
        keys(s, path, "duration", "between");
        if (s.containsKey("duration") == s.containsKey("between")) {
          problem(path, "needs exactly one of duration, between");
        } else if (s.containsKey("duration")) {
          duration(s, path, "duration", true);
        } else {
          JsonObject b = optionalObject(s, path, "between");
          if (b != null) {
            keys(b, path + ".between", "min", "max");
            Duration min = duration(b, path + ".between", "min", true);
            Duration max = duration(b, path + ".between", "max", true);
            if (min != null && max != null && max.compareTo(min) < 0) {
              problem(path + ".between.max", "must not be less than min");
            }
          }
        }
        return null;
      case WAIT_UNTIL:
        keys(s, path, "event", "condition", "timeout");
        if (s.containsKey("event") == s.containsKey("condition")) {
          problem(path, "needs exactly one of event, condition");
        } else if (s.containsKey("event")) {
          JsonObject e = optionalObject(s, path, "event");
          if (e != null) {
            keys(e, path + ".event", "name", "where");
            text(e, path + ".event", "name", true);
            where(e, path + ".event");
          }
        } else {
          conditions(s.get("condition"), path + ".condition");
        }
        duration(s, path, "timeout", true);
        return type.labels();
      case TIME_WINDOW:
        keys(s, path, "days", "from", "to", "timezone");
        JsonValue days = s.get("days");
        if (!(days instanceof JsonArray list) || list.isEmpty()) {
          problem(path + ".days", "must be a non-empty array of weekday names");
        } else {
          for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof JsonString d) || !DAYS.contains(d.getString())) {
              problem(path + ".days[" + i + "]", "must be one of " + String.join(", ", DAYS));
            }
          }
        }
        for (String k : List.of("from", "to")) {
          String h = text(s, path, k, true);
          if (h != null && !HOUR.matcher(h).matches()) {
            problem(path + "." + k, "must be HH:MM (00:00 to 23:59)");
          }
        }
        String tz = text(s, path, "timezone", false);
        if (tz != null
            && !tz.equals("person")
            && !java.time.ZoneId.getAvailableZoneIds().contains(tz)) {
          problem(path + ".timezone", "must be 'person' or a time zone id, not '" + tz + "'");
        }
        return null;
      case BRANCH:
        keys(s, path, "condition", "trigger_data", "message");
        test(s, path);
        return type.labels();
      case MULTI_SPLIT:
        keys(s, path, "branches");
        return labels(s, path, false);
      case RANDOM_SPLIT:
        keys(s, path, "branches");
        return labels(s, path, true);
      case SEND_EMAIL:
        keys(
            s,
            path,
            "channel",
            "message_id",
            "from",
            "subject",
            "body",
            "body_plain",
            "reply_to",
            "to");
        String channel = text(s, path, "channel", false);
        if (channel != null && !channel.equals("email")) {
          problem(
              path + ".channel",
              "a send_email step sends email; use send_message for '" + channel + "'");
        }
        emailSettings(s, path);
        return null;
      case SEND_MESSAGE:
        {
          String on = text(s, path, "channel", true);
          if (on == null) {
            return null;
          }
          if (on.equals("email")) {
            keys(
                s,
                path,
                "channel",
                "message_id",
                "from",
                "subject",
                "body",
                "body_plain",
                "reply_to",
                "to");
            emailSettings(s, path);
          } else if (MESSAGE_CHANNELS.contains(on)) {
            keys(s, path, "channel", "message_id", "to");
            JsonValue id = s.get("message_id");
            if (!(id instanceof JsonString) && !(id instanceof JsonNumber)) {
              problem(
                  path + ".message_id",
                  "must be the id or trigger name of a transactional " + on + " message");
            }
            text(s, path, "to", false);
          } else {
            problem(
                path + ".channel",
                "unknown channel '" + on + "'; one of email, sms, push, whatsapp, in_app");
          }
          return null;
        }
      case UPDATE_ATTRIBUTE:
        keys(s, path, "attributes");
        JsonObject attrs = optionalObject(s, path, "attributes");
        if (attrs == null || attrs.isEmpty()) {
          problem(path + ".attributes", "must be a non-empty object");
        }
        return null;
      case ADD_TO_SEGMENT:
      case REMOVE_FROM_SEGMENT:
        keys(s, path, "segment_id");
        integer(s, path, "segment_id", true, 1, Long.MAX_VALUE);
        return null;
      default:
        keys(s, path);
        return null;
    }
  }

  /** A branch test: exactly one of condition, trigger_data, message. */
  private void test(JsonObject s, String path) {
    int given = 0;
    for (String k : List.of("condition", "trigger_data", "message")) {
      if (s.containsKey(k)) {
        given++;
      }
    }
    if (given != 1) {
      problem(path, "needs exactly one of condition, trigger_data, message");
      return;
    }
    if (s.containsKey("condition")) {
      conditions(s.get("condition"), path + ".condition");
    } else if (s.containsKey("trigger_data")) {
      JsonValue f = s.get("trigger_data");
      if (!(f instanceof JsonArray)) {
        problem(path + ".trigger_data", "must be an array of filters");
      } else {
        filterList(f.asJsonArray(), path + ".trigger_data");
      }
    } else {
      JsonObject m = optionalObject(s, path, "message");
      if (m != null) {
        keys(m, path + ".message", "node", "metric");
        text(m, path + ".message", "node", true);
        String metric = text(m, path + ".message", "metric", true);
        if (metric != null && !METRICS.contains(metric)) {
          problem(path + ".message.metric", "must be one of " + String.join(", ", METRICS));
        }
      }
    }
  }

  private List<String> labels(JsonObject s, String path, boolean random) {
    List<String> labels = new ArrayList<>();
    JsonValue b = s.get("branches");
    if (!(b instanceof JsonArray branches) || branches.isEmpty() || branches.size() > 20) {
      problem(path + ".branches", "must be an array of 1 to 20 branches");
      return labels;
    }
    long total = 0;
    for (int i = 0; i < branches.size(); i++) {
      String at = path + ".branches[" + i + "]";
      JsonObject branch = object(branches.get(i), at);
      if (branch == null) {
        continue;
      }
      String label = text(branch, at, "label", true);
      if (label != null) {
        if (!NODE_ID.matcher(label).matches() || label.equals("else")) {
          problem(at + ".label", "must be 1 to 64 letters, digits, '_' or '-' (not else)");
        } else if (labels.contains(label)) {
          problem(at + ".label", "another branch has label '" + label + "'");
        }
        labels.add(label);
      }
      if (random) {
        keys(branch, at, "label", "percent");
        Long p = integer(branch, at, "percent", true, 0, 100);
        total += p == null ? 0 : p;
      } else {
        keys(branch, at, "label", "condition", "trigger_data", "message");
        test(branch, at);
      }
    }
    if (random && total != 100) {
      problem(path + ".branches", "percents must add up to 100, not " + total);
    }
    if (!random) {
      labels.add("else");
    }
    return labels;
  }

  private Goal goal(JsonObject root, Map<String, Node> nodes) {
    JsonObject g = optionalObject(root, "$", "goal");
    if (g == null) {
      return null;
    }
    keys(g, "$.goal", "event", "where", "within", "after");
    String event = text(g, "$.goal", "event", true);
    List<DataFilter> where = where(g, "$.goal");
    Duration within = duration(g, "$.goal", "within", true);
    String after = text(g, "$.goal", "after", false);
    if (after != null && !nodes.containsKey(after)) {
      problem("$.goal.after", "no node has id '" + after + "'");
    }
    return event == null || within == null ? null : new Goal(event, where, within, after);
  }

  private List<DataFilter> where(JsonObject o, String path) {
    JsonValue w = o.get("where");
    if (w == null) {
      return List.of();
    }
    if (!(w instanceof JsonArray list)) {
      problem(path + ".where", "must be an array of filters");
      return List.of();
    }
    return filterList(list, path + ".where");
  }

  private List<DataFilter> filterList(JsonArray list, String path) {
    List<DataFilter> filters = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = path + "[" + i + "]";
      JsonObject f = object(list.get(i), at);
      if (f == null) {
        continue;
      }
      keys(f, at, "property", "operator", "value");
      String property = text(f, at, "property", true);
      String operator = text(f, at, "operator", true);
      if (operator == null) {
        continue;
      }
      if (!DataFilter.OPERATORS.contains(operator)) {
        problem(at + ".operator", "unknown operator '" + operator + "'");
        continue;
      }
      JsonValue value = f.get("value");
      boolean none = operator.equals("exists") || operator.equals("not_exists");
      if (none && value != null) {
        problem(at + ".value", "must be left out for " + operator);
      } else if (!none && value == null) {
        problem(at + ".value", "is required for " + operator);
      } else if (operator.equals("in_list") && !(value instanceof JsonArray)) {
        problem(at + ".value", "must be an array for in_list");
      } else if (!none
          && !operator.equals("in_list")
          && (value instanceof JsonObject || value instanceof JsonArray)) {
        problem(at + ".value", "must be a string, number or boolean");
      }
      if (property != null) {
        filters.add(new DataFilter(property, operator, value));
      }
    }
    return filters;
  }

  private ConditionDocument conditions(JsonValue value, String path) {
    try {
      return ConditionJson.parse(value);
    } catch (InvalidConditionException e) {
      String at = e.path().startsWith("$") ? path + e.path().substring(1) : path;
      problem(at, e.reason());
      return null;
    }
  }

  private Duration duration(JsonObject o, String path, String key, boolean required) {
    String at = path + "." + key;
    JsonValue v = o.get(key);
    if (v == null) {
      if (required) {
        problem(at, "is required");
      }
      return null;
    }
    JsonObject d = object(v, at);
    if (d == null) {
      return null;
    }
    keys(d, at, "value", "unit");
    Long value = integer(d, at, "value", true, 0, 36_500);
    String unit = text(d, at, "unit", true);
    if (unit != null && !Set.of("seconds", "minutes", "hours", "days", "weeks").contains(unit)) {
      problem(at + ".unit", "must be seconds, minutes, hours, days or weeks, not '" + unit + "'");
      return null;
    }
    return value == null || unit == null ? null : duration(d);
  }

  private Long integer(
      JsonObject o, String path, String key, boolean required, long min, long max) {
    JsonValue v = o.get(key);
    String at = path + "." + key;
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        problem(at, "is required");
      }
      return null;
    }
    if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
      problem(at, "must be a whole number");
      return null;
    }
    try {
      long l = n.longValueExact();
      if (l < min || l > max) {
        problem(at, "must be " + min + " to " + max);
        return null;
      }
      return l;
    } catch (ArithmeticException e) {
      problem(at, "is out of range");
      return null;
    }
  }

  /** An email step's content: a transactional message, or inline from, subject and body. */
  private void emailSettings(JsonObject s, String path) {
    if (!s.containsKey("message_id")) {
      text(s, path, "from", true);
      text(s, path, "subject", true);
      text(s, path, "body", true);
    } else {
      JsonValue id = s.get("message_id");
      if (!(id instanceof JsonString) && !(id instanceof JsonNumber)) {
        problem(path + ".message_id", "must be a transactional message id or trigger name");
      }
      for (String k : List.of("from", "subject", "body")) {
        text(s, path, k, false);
      }
    }
    for (String k : List.of("body_plain", "reply_to", "to")) {
      text(s, path, k, false);
    }
  }

  private String text(JsonObject o, String path, String key, boolean required) {
    JsonValue v = o.get(key);
    String at = path + "." + key;
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        problem(at, "is required");
      }
      return null;
    }
    if (!(v instanceof JsonString s)) {
      problem(at, "must be a string");
      return null;
    }
    return s.getString();
  }

  private JsonObject optionalObject(JsonObject o, String path, String key) {
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return object(v, path + "." + key);
  }

  private JsonObject object(JsonValue v, String path) {
    if (v == null) {
      problem(path, "is required");
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      problem(path, "must be an object");
      return null;
    }
    return v.asJsonObject();
  }

  private void keys(JsonObject o, String path, String... allowed) {
    Set<String> known = new HashSet<>(List.of(allowed));
    for (String key : o.keySet()) {
      if (!known.contains(key)) {
        problem(path + "." + key, "unknown field");
      }
    }
  }

  private void problem(String path, String reason) {
    problems.add(path + ": " + reason);
  }
}
