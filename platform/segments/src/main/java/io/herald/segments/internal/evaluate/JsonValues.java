package io.herald.segments.internal.evaluate;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How an attribute value reads as text, a number or a date, per {@link
 * io.herald.segments.api.condition.Operator}'s rules. A {@code null} value is a missing attribute;
 * JSON {@code null} counts as missing too.
 */
final class JsonValues {

  /** A string that is entirely a decimal number. */
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  /** A string of Unix seconds. */
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private JsonValues() {}

  /** Whether the attribute is present: not missing, not JSON null. */
  static boolean present(JsonValue value) {
    return value != null && value.getValueType() != JsonValue.ValueType.NULL;
  }

  /**
   * The text of a string, number or boolean; empty for missing values, JSON null, objects and
   * arrays.
   */
  static Optional<String> text(JsonValue value) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (value.getValueType()) {
      case STRING -> Optional.of(((JsonString) value).getString());
      case NUMBER -> Optional.of(value.toString());
      case TRUE -> Optional.of("true");
      case FALSE -> Optional.of("false");
      case NULL, OBJECT, ARRAY -> Optional.empty();
    };
  }

  /** The number of a JSON number or of a string that is entirely a decimal number. */
  static Optional<BigDecimal> number(JsonValue value) {
    if (value instanceof JsonNumber n) {
      return Optional.of(n.bigDecimalValue());
    }
    if (value instanceof JsonString s && DECIMAL.matcher(s.getString()).matches()) {
      return Optional.of(new BigDecimal(s.getString()));
    }
    return Optional.empty();
  }

  /** The Unix seconds of a JSON number or of a string of digits. */
  static Optional<BigDecimal> seconds(JsonValue value) {
    if (value instanceof JsonNumber n) {
      return Optional.of(n.bigDecimalValue());
    }
    if (value instanceof JsonString s && DIGITS.matcher(s.getString()).matches()) {
      return Optional.of(new BigDecimal(s.getString()));
    }
    return Optional.empty();
  }
}
