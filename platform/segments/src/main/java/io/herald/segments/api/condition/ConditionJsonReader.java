package io.herald.segments.api.condition;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads {@link ConditionJson}'s format, checking every rule and naming the JSON path of the first
 * problem. Never recurses deeper than {@link ConditionDocument#MAX_DEPTH}.
 */
final class ConditionJsonReader {

  /** Most values in an {@code in_list}. */
  static final int MAX_LIST = 1000;

  /** Longest regular expression, in characters. */
  static final int MAX_REGEX_CHARS = 1000;

  /** Most days for {@code within_last_days} / {@code within_next_days} (100 years). */
  static final int MAX_DAYS = 36_525;

  /** Most digits before the decimal point of a number operand. */
  static final int MAX_INTEGER_DIGITS = 35;

  /** Most digits after the decimal point of a number operand. */
  static final int MAX_SCALE = 30;

  /** Latest Unix seconds accepted for a date (9999-12-31T23:59:59Z). */
  private static final long MAX_SECONDS = 253_402_300_799L;

  /** Earliest Unix seconds accepted for a date (0001-01-01T00:00:00Z). */
  private static final long MIN_SECONDS = -62_135_596_800L;

  private static final Pattern CALENDAR_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

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

  /** The largest amount of each window unit (100 years). */
  private static final Map<ChronoUnit, Long> MAX_WINDOW =
      Map.of(
          ChronoUnit.MINUTES, 36_525L * 24 * 60,
          ChronoUnit.HOURS, 36_525L * 24,
          ChronoUnit.DAYS, 36_525L);

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

  private static Count count(JsonObject leaf, String path) {
    JsonValue json = present(leaf, "count");
    if (json == null) {
      return Count.atLeastOnce();
    }
    String at = child(path, "count");
    JsonObject count = object(json, at, Set.of("at_least", "at_most", "exactly"));
    if (count.size() != 1) {
      throw invalid(at, "must have exactly one of at_least, at_most, exactly");
    }
    String key = count.keySet().iterator().next();
    String keyPath = child(at, key);
    long times = wholeNumber(required(count.get(key), keyPath), keyPath, "must be a whole number");
    if (times < 0 || times > Integer.MAX_VALUE) {
      throw invalid(keyPath, "must be from 0 to " + Integer.MAX_VALUE);
    }
    Count.Comparison comparison =
        Arrays.stream(Count.Comparison.values())
            .filter(c -> c.wireName().equals(key))
            .findFirst()
            .orElseThrow();
    return new Count(comparison, (int) times);
  }

  private static Window window(JsonObject leaf, String path) {
    JsonValue json = present(leaf, "within");
    if (json == null) {
      return new Window.Ever();
    }
    String at = child(path, "within");
    JsonObject within = object(json, at, Set.of("last", "unit", "from", "to"));
    boolean relative = within.containsKey("last") || within.containsKey("unit");
    boolean absolute = within.containsKey("from") || within.containsKey("to");
    if (relative && absolute) {
      throw invalid(at, "give last and unit, or from and to, not both");
    }
    if (relative) {
      String lastPath = child(at, "last");
      long amount =
          wholeNumber(required(within.get("last"), lastPath), lastPath, "must be a whole number");
      String unitPath = child(at, "unit");
      String unitName = text(required(within.get("unit"), unitPath), unitPath);
      ChronoUnit unit =
          Window.Last.UNITS.stream()
              .filter(u -> ConditionJson.unitName(u).equals(unitName))
              .findFirst()
              .orElseThrow(() -> invalid(unitPath, "must be minutes, hours or days"));
      long max = MAX_WINDOW.get(unit);
      if (amount < 1 || amount > max) {
        throw invalid(lastPath, "must be from 1 to " + max + " " + unitName);
      }
      return new Window.Last(amount, unit);
    }
    if (absolute) {
      Instant from = instant(within.get("from"), child(at, "from"));
      Instant to = instant(within.get("to"), child(at, "to"));
      if (!from.isBefore(to)) {
        throw invalid(child(at, "to"), "must be after from");
      }
      return new Window.Between(from, to);
    }
    throw invalid(at, "must have last and unit, or from and to (leave within out for ever)");
  }

  private static Instant instant(JsonValue json, String path) {
    String value = text(required(json, path), path);
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(path, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
    }
  }

  // ---- shared helpers, also used by ConditionValues ----

  static InvalidConditionException invalid(String path, String reason) {
    return new InvalidConditionException(path, reason);
  }

  /** {@code path.key}, or {@code path['key']} for keys that are not plain names. */
  static String child(String path, String key) {
    if (PLAIN_KEY.matcher(key).matches()) {
      return path + "." + key;
    }
    return path + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /** The value of {@code key}, or {@code null} when absent or JSON null. */
  static JsonValue present(JsonObject object, String key) {
    JsonValue value = object.get(key);
    return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
  }

  static JsonValue required(JsonValue value, String path) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw invalid(path, "is required");
    }
    return value;
  }

  static JsonObject object(JsonValue json, String path, Set<String> allowed) {
    if (json.getValueType() != JsonValue.ValueType.OBJECT) {
      throw invalid(path, "must be an object");
    }
    JsonObject object = json.asJsonObject();
    for (String key : object.keySet()) {
      if (!allowed.contains(key)) {
        throw invalid(
            child(path, key),
            "unknown field; expected one of: "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
    return object;
  }

  static JsonArray array(JsonValue json, String path) {
    if (json.getValueType() != JsonValue.ValueType.ARRAY) {
      throw invalid(path, "must be an array");
    }
    return json.asJsonArray();
  }

  static String text(JsonValue json, String path) {
    if (json.getValueType() != JsonValue.ValueType.STRING) {
      throw invalid(path, "must be a string");
    }
    return ((JsonString) json).getString();
  }

  static boolean bool(JsonValue json, String path) {
    return switch (json.getValueType()) {
      case TRUE -> true;
      case FALSE -> false;
      default -> throw invalid(path, "must be true or false");
    };
  }

  /** A whole number (3 and 3.0 alike) that fits a long, else {@code reason} at {@code path}. */
  static long wholeNumber(JsonValue json, String path, String reason) {
    if (json.getValueType() != JsonValue.ValueType.NUMBER) {
      throw invalid(path, reason);
    }
    BigDecimal value = ((JsonNumber) json).bigDecimalValue();
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
      throw invalid(path, reason);
    }
    if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
        || value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      throw invalid(path, "is out of range");
    }
    return value.longValue();
  }

  /** A non-empty name: a string of at most 255 characters. */
  private static String name(JsonObject leaf, String path, String key) {
    String at = child(path, key);
    String name = text(required(leaf.get(key), at), at);
    if (name.isEmpty()) {
      throw invalid(at, "must not be empty");
    }
    if (name.codePointCount(0, name.length()) > 255) {
      throw invalid(at, "is longer than 255 characters");
    }
    return name;
  }

  /** An optional id given as a string or a whole number; {@code null} when absent. */
  private static String optionalId(JsonObject leaf, String path, String key) {
    JsonValue json = present(leaf, key);
    if (json == null) {
      return null;
    }
    String at = child(path, key);
    String id =
        json.getValueType() == JsonValue.ValueType.NUMBER
            ? Long.toString(wholeNumber(json, at, "must be a string or a whole number"))
            : textOr(json, at, "must be a string or a whole number");
    if (id.isEmpty()) {
      throw invalid(at, "must not be empty");
    }
    if (id.length() > 255) {
      throw invalid(at, "is longer than 255 characters");
    }
    return id;
  }

  private static String textOr(JsonValue json, String path, String reason) {
    if (json.getValueType() != JsonValue.ValueType.STRING) {
      throw invalid(path, reason);
    }
    return ((JsonString) json).getString();
  }

  /** Checks a regular expression; {@code null} when it is acceptable, else the reason. */
  static String regexProblem(String regex) {
    if (regex.codePointCount(0, regex.length()) > MAX_REGEX_CHARS) {
      return "is longer than " + MAX_REGEX_CHARS + " characters";
    }
    try {
      Pattern.compile(regex);
      return null;
    } catch (PatternSyntaxException e) {
      return "is not a valid regular expression: " + e.getDescription();
    }
  }

  /** Unix seconds (a fraction of up to nine digits allowed) in years 1 to 9999. */
  static Instant unixSeconds(BigDecimal seconds, String path) {
    String reason = "must be Unix seconds between years 1 and 9999, or a date YYYY-MM-DD";
    if (seconds.compareTo(BigDecimal.valueOf(MIN_SECONDS)) < 0
        || seconds.compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0
        || seconds.stripTrailingZeros().scale() > 9) {
      throw invalid(path, reason);
    }
    BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
    int nanos = seconds.subtract(whole).movePointRight(9).intValueExact();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }

  /** A calendar day {@code YYYY-MM-DD}, or {@code null} when {@code text} is not one. */
  static LocalDate calendarDay(String text) {
    if (!CALENDAR_DAY.matcher(text).matches()) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
