package io.herald.bench.segments;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Condition JSON of data-driven segments (version 1), built as text: groups {@code and}, {@code
 * or}, {@code not}; leaves {@code attribute}, {@code event}, {@code relationship}, {@code segment}.
 * Names and values here never need escaping.
 */
final class Cond {

  private Cond() {}

  static String and(String... children) {
    return "{\"and\":[" + String.join(",", children) + "]}";
  }

  static String or(String... children) {
    return "{\"or\":[" + String.join(",", children) + "]}";
  }

  static String not(String child) {
    return "{\"not\":" + child + "}";
  }

  /** A person attribute compared with a JSON value ({@code "\"pro\""}, {@code "30"}, …). */
  static String attribute(String name, String operator, String jsonValue) {
    return "{\"attribute\":" + match("name", name, operator, jsonValue) + "}";
  }

  static String exists(String name) {
    return "{\"attribute\":{\"name\":\"" + name + "\",\"operator\":\"exists\"}}";
  }

  /** A JSON string. */
  static String text(String value) {
    return "\"" + value + "\"";
  }

  /** A JSON array of strings. */
  static String texts(String... values) {
    return Arrays.stream(values).map(Cond::text).collect(Collectors.joining(",", "[", "]"));
  }

  /**
   * An event leaf: performed (or not) {@code name}, with a count ({@code at_least}, {@code
   * at_most}, {@code exactly}), within the last {@code amount unit} (or ever when {@code unit} is
   * null), with data filters ({@link #where}).
   */
  static String event(
      String name,
      boolean performed,
      String comparison,
      int times,
      long amount,
      String unit,
      List<String> where) {
    StringBuilder out =
        new StringBuilder("{\"event\":{\"name\":\"")
            .append(name)
            .append("\",\"performed\":")
            .append(performed)
            .append(",\"count\":{\"")
            .append(comparison)
            .append("\":")
            .append(times)
            .append('}');
    if (unit != null) {
      out.append(",\"within\":{\"last\":").append(amount).append(",\"unit\":\"").append(unit);
      out.append("\"}");
    }
    if (!where.isEmpty()) {
      out.append(",\"where\":[").append(String.join(",", where)).append(']');
    }
    return out.append("}}").toString();
  }

  /** Performed {@code name} at least {@code times} times in the last {@code amount unit}. */
  static String atLeast(String name, int times, long amount, String unit) {
    return event(name, true, "at_least", times, amount, unit, List.of());
  }

  /** A filter on event data, or on an object's or a relationship's attributes. */
  static String where(String property, String operator, String jsonValue) {
    return match("property", property, operator, jsonValue);
  }

  static String relationship(String objectTypeId, List<String> object, List<String> relationship) {
    return "{\"relationship\":{\"object_type_id\":\""
        + objectTypeId
        + "\",\"object\":["
        + String.join(",", object)
        + "],\"relationship\":["
        + String.join(",", relationship)
        + "]}}";
  }

  static String segment(long id) {
    return "{\"segment\":{\"id\":" + id + "}}";
  }

  private static String match(String key, String name, String operator, String jsonValue) {
    return "{\""
        + key
        + "\":\""
        + name
        + "\",\"operator\":\""
        + operator
        + "\",\"value\":"
        + jsonValue
        + "}";
  }
}
