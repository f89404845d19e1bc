package io.herald.segments.api.condition;

import static io.herald.segments.api.condition.ConditionWindows.count;
import static io.herald.segments.api.condition.ConditionWindows.window;
import static io.herald.segments.api.condition.JsonShapes.array;
import static io.herald.segments.api.condition.JsonShapes.bool;
import static io.herald.segments.api.condition.JsonShapes.child;
import static io.herald.segments.api.condition.JsonShapes.invalid;
import static io.herald.segments.api.condition.JsonShapes.name;
import static io.herald.segments.api.condition.JsonShapes.object;
import static io.herald.segments.api.condition.JsonShapes.optionalId;
import static io.herald.segments.api.condition.JsonShapes.present;
import static io.herald.segments.api.condition.JsonShapes.required;
import static io.herald.segments.api.condition.JsonShapes.text;
import static io.herald.segments.api.condition.JsonShapes.wholeNumber;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@link ConditionJson}'s format, checking every rule and naming the JSON path of the first
 * problem. Never recurses deeper than {@link ConditionDocument#MAX_DEPTH}. The tree and its leaves
 * are read here; counts and windows by {@link ConditionWindows}, comparison values by {@link
 * ConditionValues}, JSON shapes by {@link JsonShapes}.
 */
final class ConditionJsonReader {

  private static final List<String> NODE_TYPES =
      List.of(
          "and",
          "or",
          "not",
          "attribute",
          "event",
          "engagement",
          "relationship",
          "segment",
          "device");

  private ConditionJsonReader() {}

  static ConditionDocument document(JsonValue json) {
    JsonObject doc = object(json, "$", Set.of("version", "condition"));
    JsonValue version = doc.get("version");
    if (version == null || version.getValueType() == JsonValue.ValueType.NULL) {
      throw invalid("$.version", "is required");
    }
    long v = wholeNumber(version, "$.version", "must be a whole number");
    if (v < 1 || v > ConditionDocument.CURRENT_VERSION) {
      throw invalid(
          "$.version",
          "unknown version "
              + v
              + "; this server reads versions 1 to "
              + ConditionDocument.CURRENT_VERSION);
    }
    JsonValue condition = doc.get("condition");
    if (condition == null || condition.getValueType() == JsonValue.ValueType.NULL) {
      throw invalid("$.condition", "is required");
    }
    return new ConditionDocument((int) v, node(condition, "$.condition", 1));
  }

  private static Condition node(JsonValue json, String path, int depth) {
    if (depth > ConditionDocument.MAX_DEPTH) {
      throw invalid(
          path, "the tree is deeper than " + ConditionDocument.MAX_DEPTH + " levels (the limit)");
    }
    if (json.getValueType() != JsonValue.ValueType.OBJECT) {
      throw invalid(path, "must be an object with one of: " + String.join(", ", NODE_TYPES));
    }
    JsonObject node = json.asJsonObject();
    for (String key : node.keySet()) {
      if (!NODE_TYPES.contains(key)) {
        throw invalid(
            child(path, key),
            "unknown condition type; expected one of: " + String.join(", ", NODE_TYPES));
      }
    }
    if (node.size() != 1) {
      throw invalid(
          path,
          node.isEmpty()
              ? "must have one of: " + String.join(", ", NODE_TYPES)
              : "must have exactly one of " + String.join(", ", node.keySet()));
    }
    String type = node.keySet().iterator().next();
    String at = child(path, type);
    JsonValue body = node.get(type);
    return switch (type) {
      case "and" -> new All(group(body, at, depth));
      case "or" -> new Any(group(body, at, depth));
      case "not" -> new Not(node(required(body, at), at, depth + 1));
      case "attribute" -> attribute(body, at);
      case "event" -> event(body, at);
      case "engagement" -> engagement(body, at);
      case "relationship" -> relationship(body, at);
      case "segment" -> segment(body, at);
      default -> device(body, at);
    };
  }

  private static List<Condition> group(JsonValue json, String path, int depth) {
    JsonArray members = array(json, path);
    List<Condition> conditions = new ArrayList<>(members.size());
    for (int i = 0; i < members.size(); i++) {
      conditions.add(node(members.get(i), path + "[" + i + "]", depth + 1));
    }
    return conditions;
  }

  private static AttributeCondition attribute(JsonValue json, String path) {
    JsonObject leaf = object(json, path, Set.of("name", "operator", "value", "timezone"));
    String name = name(leaf, path, "name");
    return new AttributeCondition(name, match(leaf, path));
  }

  private static EventCondition event(JsonValue json, String path) {
    JsonObject leaf = object(json, path, Set.of("name", "performed", "count", "within", "where"));
    String name = name(leaf, path, "name");
    boolean performed = true;
    JsonValue p = present(leaf, "performed");
    if (p != null) {
      performed = bool(p, child(path, "performed"));
    }
    return new EventCondition(
        name, performed, count(leaf, path), window(leaf, path), properties(leaf, path, "where"));
  }

  private static EngagementCondition engagement(JsonValue json, String path) {
    JsonObject leaf =
        object(json, path, Set.of("metric", "message_id", "campaign_id", "count", "within"));
    String metricName = text(required(leaf.get("metric"), child(path, "metric")), path + ".metric");
    EngagementCondition.Metric metric =
        Arrays.stream(EngagementCondition.Metric.values())
            .filter(m -> m.wireName().equals(metricName))
            .findFirst()
            .orElseThrow(
                () ->
                    invalid(
                        child(path, "metric"),
                        "unknown metric '"
                            + metricName
                            + "'; expected one of: "
                            + Arrays.stream(EngagementCondition.Metric.values())
                                .map(EngagementCondition.Metric::wireName)
                                .collect(Collectors.joining(", "))));
    String messageId = optionalId(leaf, path, "message_id");
    String campaignId = optionalId(leaf, path, "campaign_id");
    if (messageId != null && campaignId != null) {
      throw invalid(child(path, "campaign_id"), "name a message_id or a campaign_id, not both");
    }
    return new EngagementCondition(
        metric, messageId, campaignId, count(leaf, path), window(leaf, path));
  }

  private static RelationshipCondition relationship(JsonValue json, String path) {
    JsonObject leaf = object(json, path, Set.of("object_type_id", "object", "relationship"));
    String typeId = optionalId(leaf, path, "object_type_id");
    if (typeId == null) {
      throw invalid(child(path, "object_type_id"), "is required");
    }
    return new RelationshipCondition(
        typeId, properties(leaf, path, "object"), properties(leaf, path, "relationship"));
  }

  private static SegmentCondition segment(JsonValue json, String path) {
    JsonObject leaf = object(json, path, Set.of("id"));
    String at = child(path, "id");
    long id = wholeNumber(required(leaf.get("id"), at), at, "must be a segment id (a number)");
    if (id < 1) {
      throw invalid(at, "must be a segment id (a positive number)");
    }
    return new SegmentCondition(id);
  }

  private static DeviceCondition device(JsonValue json, String path) {
    JsonObject leaf = object(json, path, Set.of("platform", "push_enabled"));
    String platform = null;
    JsonValue p = present(leaf, "platform");
    if (p != null) {
      platform = text(p, child(path, "platform"));
      if (!platform.equals("ios") && !platform.equals("android")) {
        throw invalid(child(path, "platform"), "must be ios or android");
      }
    }
    Boolean push = null;
    JsonValue e = present(leaf, "push_enabled");
    if (e != null) {
      push = bool(e, child(path, "push_enabled"));
    }
    return new DeviceCondition(platform, push);
  }

  private static List<PropertyMatch> properties(JsonObject leaf, String path, String key) {
    JsonValue json = present(leaf, key);
    if (json == null) {
      return List.of();
    }
    String at = child(path, key);
    JsonArray items = array(json, at);
    List<PropertyMatch> matches = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String itemPath = at + "[" + i + "]";
      JsonObject item =
          object(items.get(i), itemPath, Set.of("property", "operator", "value", "timezone"));
      matches.add(new PropertyMatch(name(item, itemPath, "property"), match(item, itemPath)));
    }
    return matches;
  }

  private static Match match(JsonObject leaf, String path) {
    String at = child(path, "operator");
    String name = text(required(leaf.get("operator"), at), at);
    Operator operator =
        Operator.fromWireName(name)
            .orElseThrow(
                () ->
                    invalid(
                        at,
                        "unknown operator '"
                            + name
                            + "'; expected one of: "
                            + Arrays.stream(Operator.values())
                                .map(Operator::wireName)
                                .collect(Collectors.joining(", "))));
    ZoneChoice zone = ZoneChoice.WORKSPACE;
    JsonValue tz = present(leaf, "timezone");
    if (tz != null) {
      String zoneName = text(tz, child(path, "timezone"));
      zone =
          Arrays.stream(ZoneChoice.values())
              .filter(z -> z.wireName().equals(zoneName))
              .findFirst()
              .orElseThrow(() -> invalid(child(path, "timezone"), "must be workspace or person"));
    }
    return new Match(operator, ConditionValues.operand(operator, leaf, child(path, "value")), zone);
  }
}
