package io.herald.plugin.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, immutable copies of JSON-like trees ({@code String}, {@code Number}, {@code Boolean},
 * {@code List}, {@code Map<String, ?>}), the shape of {@link OutboundMessage#payload()} and {@link
 * DeliveryResult.Accepted#response()}. Null values are dropped; anything else is refused so a
 * plugin never sees a host class.
 */
final class JsonTree {

  private JsonTree() {}

  /** An immutable copy of {@code value} (empty for null), keys in their original order. */
  static Map<String, Object> copyObject(Map<String, ?> value, String name) {
    if (value == null || value.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : value.entrySet()) {
      if (e.getKey() == null) {
        throw new IllegalArgumentException(name + " has a null key");
      }
      Object v = copyValue(e.getValue(), name + "." + e.getKey());
      if (v != null) {
        copy.put(e.getKey(), v);
      }
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object copyValue(Object value, String name) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number n) {
      return n;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> typed = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException(name + " has a key that is not a string");
        }
        typed.put(key, e.getValue());
      }
      return copyObject(typed, name);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        Object v = copyValue(list.get(i), name + "[" + i + "]");
        if (v != null) {
          copy.add(v);
        }
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException(
        name + " is a " + value.getClass().getName() + "; only JSON values are allowed");
  }
}
