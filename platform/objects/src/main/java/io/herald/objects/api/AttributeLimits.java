package io.herald.objects.api;

import io.herald.objects.api.InvalidObjectDataException.Problem;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Customer.io's limits for object and relationship attributes (API-COMPAT A.4): names at most 150
 * bytes, values at most 1000 bytes (the JSON text for objects and arrays), at most 300 attributes
 * per call and per stored document, and at most 100 KB for a whole stored document. {@code null} or
 * {@code ""} as a value removes the attribute.
 */
public final class AttributeLimits {

  /** Longest attribute name, in UTF-8 bytes. */
  public static final int MAX_NAME_BYTES = 150;

  /** Longest attribute value, in UTF-8 bytes. */
  public static final int MAX_VALUE_BYTES = 1000;

  /** Most attributes per call and per stored document. */
  public static final int MAX_ATTRIBUTES = 300;

  /** Largest stored document (JSON text), in bytes. */
  public static final int MAX_DOCUMENT_BYTES = 100 * 1024;

  private AttributeLimits() {}

  /** Whether {@code value} removes the attribute ({@code null} or {@code ""}). */
  public static boolean isRemoval(JsonValue value) {
    return value == JsonValue.NULL || value instanceof JsonString s && s.getString().isEmpty();
  }

  /**
   * The problems of one call's attribute changes, each field under {@code field} (for example
   * {@code attributes.plan}).
   */
  public static List<Problem> checkChanges(JsonObject changes, String field) {
    List<Problem> problems = new ArrayList<>();
    if (changes.size() > MAX_ATTRIBUTES) {
      problems.add(
          new Problem(
              field, changes.size() + " attributes in one call; the limit is " + MAX_ATTRIBUTES));
    }
    for (Map.Entry<String, JsonValue> entry : changes.entrySet()) {
      String name = entry.getKey();
      String where = field.isEmpty() ? name : field + "." + abbreviate(name);
      if (name.isBlank()) {
        problems.add(new Problem(field, "attribute names must not be empty"));
      } else if (bytes(name) > MAX_NAME_BYTES) {
        problems.add(
            new Problem(
                where,
                "attribute name is " + bytes(name) + " bytes; the limit is " + MAX_NAME_BYTES));
      } else if (!isRemoval(entry.getValue())) {
        int size = valueBytes(entry.getValue());
        if (size > MAX_VALUE_BYTES) {
          problems.add(
              new Problem(where, "value is " + size + " bytes; the limit is " + MAX_VALUE_BYTES));
        }
      }
    }
    return problems;
  }

  /** The problems of a whole stored document after changes were applied. */
  public static List<Problem> checkDocument(JsonObject document, String field) {
    List<Problem> problems = new ArrayList<>();
    if (document.size() > MAX_ATTRIBUTES) {
      problems.add(
          new Problem(
              field,
              "would hold " + document.size() + " attributes; the limit is " + MAX_ATTRIBUTES));
    }
    int size = bytes(document.toString());
    if (size > MAX_DOCUMENT_BYTES) {
      problems.add(
          new Problem(
              field,
              "would be "
                  + size
                  + " bytes; the limit is "
                  + MAX_DOCUMENT_BYTES
                  + " ("
                  + MAX_DOCUMENT_BYTES / 1024
                  + " KB)"));
    }
    return problems;
  }

  /**
   * Checks one call's changes.
   *
   * @throws InvalidObjectDataException listing every problem
   */
  public static void requireValidChanges(JsonObject changes, String field) {
    List<Problem> problems = checkChanges(changes, field);
    if (!problems.isEmpty()) {
      throw new InvalidObjectDataException(problems);
    }
  }

  private static int valueBytes(JsonValue value) {
    return value instanceof JsonString s ? bytes(s.getString()) : bytes(value.toString());
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
