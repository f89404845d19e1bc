package io.herald.webadmin;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One attribute as the console lists it.
 *
 * @param name the attribute name
 * @param value its value as text: a string without quotes, anything else as compact JSON
 * @param setAt when it was last set, {@code null} when unknown
 */
public record AttributeRow(String name, String value, Instant setAt) {

  /** The attributes of a profile or object by name, with the times in {@code timestamps}. */
  public static List<AttributeRow> of(JsonObject attributes, Map<String, Long> timestamps) {
    return attributes.keySet().stream()
        .sorted()
        .map(
            name -> {
              Long stamp = timestamps.get(name);
              return new AttributeRow(
                  name,
                  text(attributes.get(name)),
                  stamp == null ? null : Instant.ofEpochSecond(stamp));
            })
        .toList();
  }

  /** A JSON value as text: a string without quotes, anything else as compact JSON. */
  public static String text(JsonValue value) {
    return value instanceof JsonString s ? s.getString() : String.valueOf(value);
  }

  /** Compact JSON, cut to {@code max} characters with an ellipsis; a dash for {@code null}. */
  public static String compact(JsonValue value, int max) {
    if (value == null) {
      return "—";
    }
    String json = value.toString();
    return json.length() <= max ? json : json.substring(0, max) + "…";
  }
}
