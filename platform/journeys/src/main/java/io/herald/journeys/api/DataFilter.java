package io.herald.journeys.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A test of one property of an event's data (trigger and goal filters, wait-until events) or of a
 * run's trigger data (branches): {@code {"property","operator","value"}}. Operators: {@code
 * equals}, {@code not_equals}, {@code contains}, {@code exists}, {@code not_exists}, {@code
 * greater_than}, {@code less_than}, {@code in_list}. Text operators compare a string's value or a
 * number's / boolean's JSON text; number operators need a JSON number or a numeric string.
 *
 * @param property a top-level key of the data (a dotted path reads nested objects: {@code a.b})
 */
public record DataFilter(String property, String operator, JsonValue value) {

  /** The operators. */
  public static final Set<String> OPERATORS =
      Set.of(
          "equals",
          "not_equals",
          "contains",
          "exists",
          "not_exists",
          "greater_than",
          "less_than",
          "in_list");

  /** Whether every filter matches {@code data}. */
  public static boolean all(List<DataFilter> filters, JsonObject data) {
    return filters.stream().allMatch(f -> f.matches(data));
  }

  /** Whether {@code data} passes this filter. */
  public boolean matches(JsonObject data) {
    JsonValue found = read(data);
    switch (operator) {
      case "exists":
        return found != null;
      case "not_exists":
        return found == null;
      case "not_equals":
        return found == null || !text(found).equals(text(value));
      default:
        break;
    }
    if (found == null) {
      return false;
    }
    switch (operator) {
      case "equals":
        return text(found).equals(text(value));
      case "contains":
        return text(found).contains(text(value));
      case "in_list":
        return value.asJsonArray().stream().anyMatch(v -> text(v).equals(text(found)));
      case "greater_than":
      case "less_than":
        BigDecimal left = number(found);
        BigDecimal right = number(value);
        if (left == null || right == null) {
          return false;
        }
        int cmp = left.compareTo(right);
        return "greater_than".equals(operator) ? cmp > 0 : cmp < 0;
      default:
        return false;
    }
  }

  private JsonValue read(JsonObject data) {
    JsonValue at = data;
    for (String part : property.split("\\.", -1)) {
      if (at == null || at.getValueType() != JsonValue.ValueType.OBJECT) {
        return null;
      }
      at = at.asJsonObject().get(part);
    }
    return at == null || at.getValueType() == JsonValue.ValueType.NULL ? null : at;
  }

  private static String text(JsonValue v) {
    if (v instanceof JsonString s) {
      return s.getString();
    }
    return v == null ? "" : v.toString();
  }

  private static BigDecimal number(JsonValue v) {
    if (v instanceof JsonNumber n) {
      return n.bigDecimalValue();
    }
    if (v instanceof JsonString s && s.getString().matches("-?[0-9]+(\\.[0-9]+)?")) {
      return new BigDecimal(s.getString());
    }
    return null;
  }
}
