package io.herald.plugins.pushsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Typed reads of an {@code OutboundMessage.payload()} tree, and JSON merging. */
public final class Payloads {

  private Payloads() {}

  /** A non-blank string value ({@code String}, or a number/boolean written as text). */
  public static Optional<String> string(Map<String, ?> map, String key) {
    Object value = map.get(key);
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      String text = value.toString();
      return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
    return Optional.empty();
  }

  /** A whole number, from a number or its text. */
  public static Optional<Long> number(Map<String, ?> map, String key) {
    Object value = map.get(key);
    if (value instanceof Number n) {
      return Optional.of(n.longValue());
    }
    if (value instanceof String s) {
      try {
        return Optional.of(Long.parseLong(s.trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** {@code true} for a boolean true, the text {@code "true"} or a non-zero number. */
  public static boolean flag(Map<String, ?> map, String key) {
    Object value = map.get(key);
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      return n.longValue() != 0;
    }
    return value instanceof String s && s.trim().equalsIgnoreCase("true");
  }

  /** A nested object, or an empty map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(Map<String, ?> map, String key) {
    Object value = map.get(key);
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /**
   * A string map: every value written as text (objects and lists as JSON), as FCM's {@code data}
   * and APNs custom keys need.
   */
  public static Map<String, String> strings(Map<String, ?> map, ObjectMapper mapper) {
    Map<String, String> out = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          if (value instanceof String s) {
            out.put(key, s);
          } else if (value instanceof Number || value instanceof Boolean) {
            out.put(key, value.toString());
          } else if (value != null) {
            try {
              out.put(key, mapper.writeValueAsString(value));
            } catch (JsonProcessingException e) {
              out.put(key, String.valueOf(value));
            }
          }
        });
    return out;
  }

  /**
   * Copies {@code source} into {@code target}: objects merge key by key, anything else replaces.
   */
  public static void deepMerge(ObjectNode target, JsonNode source) {
    if (source == null || !source.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode existing = target.get(field.getKey());
      if (existing instanceof ObjectNode existingObject && field.getValue().isObject()) {
        deepMerge(existingObject, field.getValue());
      } else {
        target.set(field.getKey(), field.getValue().deepCopy());
      }
    }
  }
}
