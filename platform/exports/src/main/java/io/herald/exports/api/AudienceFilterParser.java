package io.herald.exports.api;

import io.herald.exports.api.AudienceFilter.All;
import io.herald.exports.api.AudienceFilter.Any;
import io.herald.exports.api.AudienceFilter.Attribute;
import io.herald.exports.api.AudienceFilter.Not;
import io.herald.exports.api.AudienceFilter.Operator;
import io.herald.exports.api.AudienceFilter.Segment;
import io.herald.exports.api.InvalidExportException.Problem;
import io.herald.shared.json.EqualsOrExists;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses Customer.io audience filters into {@link AudienceFilter}s, collecting every problem (the
 * same approach as the objects module's object filter, for people).
 */
final class AudienceFilterParser {

  /** Longest attribute name, in UTF-8 bytes (the people module's limit). */
  static final int MAX_FIELD_BYTES = 150;

  private static final Set<String> ATTRIBUTE_KEYS = Set.of("field", "operator", "value");
  private static final String KINDS = "and, or, not, attribute, segment";

  private AudienceFilterParser() {}

  static AudienceFilter node(
      JsonValue value, String field, int depth, int[] conditions, List<Problem> problems) {
    if (!(value instanceof JsonObject object) || object.size() != 1) {
      problems.add(new Problem(field, "must be an object with exactly one of " + KINDS));
      return null;
    }
    if (depth > AudienceFilter.MAX_DEPTH) {
      problems.add(
          new Problem(field, "is nested deeper than " + AudienceFilter.MAX_DEPTH + " levels"));
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
        List<AudienceFilter> children = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          children.add(node(items.get(i), where + "[" + i + "]", depth + 1, conditions, problems));
        }
        if (children.contains(null)) {
          yield null; // problems were recorded
        }
        yield key.equals("and") ? new All(children) : new Any(children);
      }
      case "not" -> {
        AudienceFilter inner = node(only.getValue(), where, depth + 1, conditions, problems);
        yield inner == null ? null : new Not(inner);
      }
      case "attribute" -> {
        conditions[0]++;
        yield attribute(only.getValue(), where, problems);
      }
      case "segment" -> {
        conditions[0]++;
        yield segment(only.getValue(), where, problems);
      }
      default -> {
        problems.add(
            new Problem(where, "is not supported in a customer export filter; use " + KINDS));
        yield null;
      }
    };
  }

  private static Segment segment(JsonValue value, String field, List<Problem> problems) {
    if (!(value instanceof JsonObject s)) {
      problems.add(new Problem(field, "must be an object with id"));
      return null;
    }
    int before = problems.size();
    for (String key : s.keySet()) {
      if (!key.equals("id")) {
        problems.add(new Problem(field + "." + key, "is not known; use id"));
      }
    }
    long id = 0;
    JsonValue given = s.get("id");
    if (given instanceof JsonNumber n && n.isIntegral() && n.longValue() > 0) {
      id = n.longValue();
    } else if (given instanceof JsonString str && str.getString().matches("[1-9][0-9]{0,17}")) {
      id = Long.parseLong(str.getString());
    } else {
      problems.add(new Problem(field + ".id", "must be a positive whole number"));
    }
    return problems.size() > before ? null : new Segment(id);
  }

  private static Attribute attribute(JsonValue value, String field, List<Problem> problems) {
    if (!(value instanceof JsonObject c)) {
      problems.add(new Problem(field, "must be an object with field, operator and value"));
      return null;
    }
    int before = problems.size();
    for (String key : c.keySet()) {
      if (!ATTRIBUTE_KEYS.contains(key)) {
        problems.add(new Problem(field + "." + key, "is not known; use field, operator, value"));
      }
    }
    EqualsOrExists leaf =
        EqualsOrExists.parse(
            c, field, MAX_FIELD_BYTES, (at, reason) -> problems.add(new Problem(at, reason)));
    if (leaf == null || problems.size() > before) {
      return null;
    }
    return new Attribute(leaf.field(), leaf.equals() ? Operator.EQ : Operator.EXISTS, leaf.value());
  }
}
