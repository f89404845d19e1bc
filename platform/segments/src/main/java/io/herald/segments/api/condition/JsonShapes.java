package io.herald.segments.api.condition;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the JSON shapes the condition format is made of (objects with known keys, arrays, texts,
 * booleans, whole numbers, names, ids), each failure an {@link InvalidConditionException} naming
 * the JSON path.
 */
final class JsonShapes {

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private JsonShapes() {}

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
  static String name(JsonObject leaf, String path, String key) {
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
  static String optionalId(JsonObject leaf, String path, String key) {
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
}
