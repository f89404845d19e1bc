package io.herald.objects.api;

import io.herald.objects.api.InvalidObjectDataException.Problem;
import io.herald.objects.api.ObjectFilter.All;
import io.herald.objects.api.ObjectFilter.Any;
import io.herald.objects.api.ObjectFilter.Condition;
import io.herald.objects.api.ObjectFilter.Not;
import io.herald.objects.api.ObjectFilter.Operator;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses Customer.io object filters into {@link ObjectFilter}s, collecting every problem. */
final class ObjectFilterParser {
  private static final Set<String> CONDITION_KEYS = Set.of("field", "operator", "value", "type_id");

  private ObjectFilterParser() {}

  static ObjectFilter node(
      JsonValue value,
      String field,
      String typeId,
      int depth,
      int[] conditions,
      List<Problem> problems) {
    if (!(value instanceof JsonObject object) || object.size() != 1) {
      problems.add(
          new Problem(
              field, "must be an object with exactly one of and, or, not, object_attribute"));
      return null;
    }
    if (depth > ObjectFilter.MAX_DEPTH) {
      problems.add(
          new Problem(field, "is nested deeper than " + ObjectFilter.MAX_DEPTH + " levels"));
      return null;
    }
    Map.Entry<String, JsonValue> only = object.entrySet().iterator().next();
    String key = only.getKey();
    String where = field + "." + key;
    return switch (key) {
      case "and", "or" -> {
        if (!(only.getValue() instanceof JsonArray items) || items.isEmpty()) {
          problems.add(new Problem(where, "must be a non-empty array of filters"));
          yield null;
        }
        List<ObjectFilter> children = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          children.add(
              node(items.get(i), where + "[" + i + "]", typeId, depth + 1, conditions, problems));
        }
        if (children.contains(null)) {
          yield null; // problems were recorded
        }
        yield key.equals("and") ? new All(children) : new Any(children);
      }
      case "not" -> {
        ObjectFilter inner = node(only.getValue(), where, typeId, depth + 1, conditions, problems);
        yield inner == null ? null : new Not(inner);
      }
      case "object_attribute", "attribute" -> {
        conditions[0]++;
        yield condition(only.getValue(), where, typeId, problems);
      }
      default -> {
        problems.add(
            new Problem(
                where, "is not supported in an object filter; use and, or, not, object_attribute"));
        yield null;
      }
    };
  }

  private static Condition condition(
      JsonValue value, String field, String typeId, List<Problem> problems) {
    if (!(value instanceof JsonObject c)) {
      problems.add(new Problem(field, "must be an object with field, operator and value"));
      return null;
    }
    int before = problems.size();
    for (String key : c.keySet()) {
      if (!CONDITION_KEYS.contains(key)) {
        problems.add(
            new Problem(field + "." + key, "is not known; use field, operator, value, type_id"));
      }
    }
    String name = null;
    if (c.get("field") instanceof JsonString s && !s.getString().isBlank()) {
      name = s.getString();
      int bytes = name.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > AttributeLimits.MAX_NAME_BYTES) {
        problems.add(
            new Problem(
                field + ".field",
                "is " + bytes + " bytes; the limit is " + AttributeLimits.MAX_NAME_BYTES));
      }
    } else {
      problems.add(new Problem(field + ".field", "must be a non-empty string"));
    }
    Operator operator = null;
    if (c.get("operator") instanceof JsonString s) {
      switch (s.getString()) {
        case "eq" -> operator = Operator.EQ;
        case "exists" -> operator = Operator.EXISTS;
        default ->
            problems.add(
                new Problem(
                    field + ".operator",
                    "\"" + s.getString() + "\" is not supported; use eq or exists"));
      }
    } else {
      problems.add(new Problem(field + ".operator", "must be \"eq\" or \"exists\""));
    }
    String text = null;
    JsonValue given = c.get("value");
    if (given instanceof JsonString s) {
      text = s.getString();
    } else if (given instanceof JsonNumber n) {
      text = n.toString();
    } else if (given == JsonValue.TRUE || given == JsonValue.FALSE) {
      text = given.toString();
    } else if (given != null && given != JsonValue.NULL) {
      problems.add(new Problem(field + ".value", "must be a string, number or boolean"));
    }
    if (operator == Operator.EQ && text == null && given == null) {
      problems.add(new Problem(field + ".value", "is required with eq"));
    } else if (operator == Operator.EQ && given == JsonValue.NULL) {
      problems.add(new Problem(field + ".value", "must not be null; use exists in a not"));
    }
    JsonValue type = c.get("type_id");
    if (type != null) {
      String t = type instanceof JsonString s ? s.getString() : String.valueOf(type);
      if (!t.equals(typeId)) {
        problems.add(new Problem(field + ".type_id", "must equal object_type_id " + typeId));
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new Condition(name, operator, operator == Operator.EQ ? text : null);
  }
}
