package io.herald.shared.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON-P values as the plain Java values Liquid templates read. */
public final class JsonJava {

  private JsonJava() {}

  /** A map of the object's members, converted with {@link #toJava}. */
  public static Map<String, Object> toMap(JsonObject object) {
    Map<String, Object> map = new LinkedHashMap<>();
    object.forEach((k, v) -> map.put(k, toJava(v)));
    return map;
  }

  /**
   * Objects as maps, arrays as lists, strings, integral numbers as {@code Long} (or {@code
   * BigInteger} past its range), other numbers as {@code Double}, booleans, and null for null.
   */
  public static Object toJava(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> toMap((JsonObject) value);
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        ((JsonArray) value).forEach(v -> list.add(toJava(v)));
        yield list;
      }
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> {
        JsonNumber n = (JsonNumber) value;
        if (n.isIntegral()) {
          try {
            yield n.longValueExact();
          } catch (ArithmeticException e) {
            yield n.bigIntegerValue();
          }
        }
        yield n.doubleValue();
      }
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
    };
  }

  /**
   * The reverse of {@link #toJava}: maps as objects, lists as arrays, strings, numbers, booleans
   * and null; any other value as its string.
   */
  public static JsonValue toJson(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof JsonValue v) {
      return v;
    }
    if (value instanceof String s) {
      return Jsons.createValue(s);
    }
    if (value instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return Jsons.createValue(((Number) value).longValue());
    }
    if (value instanceof java.math.BigInteger n) {
      return Jsons.createValue(n);
    }
    if (value instanceof java.math.BigDecimal n) {
      return Jsons.createValue(n);
    }
    if (value instanceof Number n) {
      return Jsons.createValue(n.doubleValue());
    }
    if (value instanceof Map<?, ?> map) {
      jakarta.json.JsonObjectBuilder b = Jsons.createObjectBuilder();
      map.forEach((k, v) -> b.add(String.valueOf(k), toJson(v)));
      return b.build();
    }
    if (value instanceof Iterable<?> list) {
      jakarta.json.JsonArrayBuilder b = Jsons.createArrayBuilder();
      list.forEach(v -> b.add(toJson(v)));
      return b.build();
    }
    return Jsons.createValue(value.toString());
  }
}
