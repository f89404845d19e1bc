package io.herald.messaging.internal.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Conversions filters share; Customer.io attributes often arrive as strings. */
final class Values {

  private Values() {}

  static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  static BigDecimal number(String filter, Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    String text = text(value).strip();
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw RenderFailure.filter(filter, "'" + text + "' is not a number");
    }
  }

  /** A whole number as a Long, anything else as a plain BigDecimal. */
  static Object simplest(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
      return stripped.longValueExact();
    }
    return stripped;
  }

  static List<Object> list(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> collection) {
      return new ArrayList<>(collection);
    }
    if (value instanceof Object[] array) {
      return new ArrayList<>(Arrays.asList(array));
    }
    List<Object> single = new ArrayList<>();
    single.add(value);
    return single;
  }

  static Object property(Object item, String key) {
    return item instanceof Map<?, ?> map ? map.get(key) : null;
  }
}
