package io.herald.shared.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * The {@code {"field", "operator", "value"}} leaf of Customer.io's filters (object search, customer
 * exports): {@code eq} compares an attribute with a string, number or boolean (kept as text),
 * {@code exists} asks for any value. Parsing reports every problem, each with the path of the field
 * it is about, so a caller can answer all of them at once in its own error shape.
 *
 * @param field the attribute name
 * @param equals true for {@code eq}, false for {@code exists}
 * @param value the compared value as text ({@code eq} only, else null)
 */
public record EqualsOrExists(String field, boolean equals, String value) {

  /**
   * Reads the leaf's {@code field}, {@code operator} and {@code value} (other keys are the caller's
   * to check); null when {@code problem} was told of anything.
   *
   * @param at the leaf's path, the prefix of each problem's field
   * @param maxFieldBytes the longest attribute name, in UTF-8 bytes
   * @param problem receives (field path, reason) for each problem
   */
  public static EqualsOrExists parse(
      JsonObject c, String at, int maxFieldBytes, BiConsumer<String, String> problem) {
    boolean[] failed = {false};
    BiConsumer<String, String> report =
        (field, reason) -> {
          failed[0] = true;
          problem.accept(field, reason);
        };
    String name = null;
    if (c.get("field") instanceof JsonString s && !s.getString().isBlank()) {
      name = s.getString();
      int bytes = name.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > maxFieldBytes) {
        report.accept(at + ".field", "is " + bytes + " bytes; the limit is " + maxFieldBytes);
      }
    } else {
      report.accept(at + ".field", "must be a non-empty string");
    }
    Boolean equals = null;
    if (c.get("operator") instanceof JsonString s) {
      switch (s.getString()) {
        case "eq" -> equals = true;
        case "exists" -> equals = false;
        default ->
            report.accept(
                at + ".operator", "\"" + s.getString() + "\" is not supported; use eq or exists");
      }
    } else {
      report.accept(at + ".operator", "must be \"eq\" or \"exists\"");
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
      report.accept(at + ".value", "must be a string, number or boolean");
    }
    if (Boolean.TRUE.equals(equals) && given == null) {
      report.accept(at + ".value", "is required with eq");
    } else if (Boolean.TRUE.equals(equals) && given == JsonValue.NULL) {
      report.accept(at + ".value", "must not be null; use exists in a not");
    }
    return failed[0] ? null : new EqualsOrExists(name, equals, equals ? text : null);
  }
}
