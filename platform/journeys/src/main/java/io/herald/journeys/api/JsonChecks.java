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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks a journey document's parts share: typed reads of JSON fields that record each problem
 * with its JSON path instead of throwing, so one pass reports every problem ({@link JourneyJson},
 * {@link StepSettings}).
 */
final class JsonChecks {

  private final List<String> problems = new ArrayList<>();

  /** The problems found so far, in document order. */
  List<String> problems() {
    return problems;
  }

  List<DataFilter> where(JsonObject o, String path) {
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

  List<DataFilter> filterList(JsonArray list, String path) {
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

  ConditionDocument conditions(JsonValue value, String path) {
    try {
      return ConditionJson.parse(value);
    } catch (InvalidConditionException e) {
      String at = e.path().startsWith("$") ? path + e.path().substring(1) : path;
      problem(at, e.reason());
      return null;
    }
  }

  Duration duration(JsonObject o, String path, String key, boolean required) {
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
    return value == null || unit == null ? null : JourneyJson.duration(d);
  }

  Long integer(JsonObject o, String path, String key, boolean required, long min, long max) {
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

  String text(JsonObject o, String path, String key, boolean required) {
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

  JsonObject optionalObject(JsonObject o, String path, String key) {
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return object(v, path + "." + key);
  }

  JsonObject object(JsonValue v, String path) {
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

  void keys(JsonObject o, String path, String... allowed) {
    Set<String> known = new HashSet<>(List.of(allowed));
    for (String key : o.keySet()) {
      if (!known.contains(key)) {
        problem(path + "." + key, "unknown field");
      }
    }
  }

  void problem(String path, String reason) {
    problems.add(path + ": " + reason);
  }
}
