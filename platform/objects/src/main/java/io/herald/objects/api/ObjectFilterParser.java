package io.herald.objects.api;

import io.herald.objects.api.InvalidObjectDataException.Problem;
import io.herald.objects.api.ObjectFilter.All;
import io.herald.objects.api.ObjectFilter.Any;
import io.herald.objects.api.ObjectFilter.Condition;
import io.herald.objects.api.ObjectFilter.Not;
import io.herald.objects.api.ObjectFilter.Operator;
import io.herald.shared.json.EqualsOrExists;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
    EqualsOrExists leaf =
        EqualsOrExists.parse(
            c,
            field,
            AttributeLimits.MAX_NAME_BYTES,
            (at, reason) -> problems.add(new Problem(at, reason)));
    JsonValue type = c.get("type_id");
    if (type != null) {
      String t = type instanceof JsonString s ? s.getString() : String.valueOf(type);
      if (!t.equals(typeId)) {
        problems.add(new Problem(field + ".type_id", "must equal object_type_id " + typeId));
      }
    }
    if (leaf == null || problems.size() > before) {
      return null;
    }
    return new Condition(leaf.field(), leaf.equals() ? Operator.EQ : Operator.EXISTS, leaf.value());
  }
}
