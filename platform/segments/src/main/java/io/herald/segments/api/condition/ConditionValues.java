package io.herald.segments.api.condition;

import static io.herald.segments.api.condition.JsonShapes.invalid;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the {@code value} of a comparison as the {@link Operand} its operator takes. */
final class ConditionValues {

  /** Most values in an {@code in_list}. */
  static final int MAX_LIST = 1000;

  /** Longest regular expression, in characters. */
  static final int MAX_REGEX_CHARS = 1000;

  /** Most days for {@code within_last_days} / {@code within_next_days} (100 years). */
  static final int MAX_DAYS = 36_525;

  /** Most digits before the decimal point of a number operand. */
  static final int MAX_INTEGER_DIGITS = 35;

  /** Most digits after the decimal point of a number operand. */
  static final int MAX_SCALE = 30;

  /** Latest Unix seconds accepted for a date (9999-12-31T23:59:59Z). */
  private static final long MAX_SECONDS = 253_402_300_799L;

  /** Earliest Unix seconds accepted for a date (0001-01-01T00:00:00Z). */
  private static final long MIN_SECONDS = -62_135_596_800L;

  private static final Pattern CALENDAR_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private static final String TEXT = "must be text (a string, number or boolean)";

  private ConditionValues() {}

  /**
   * The operand of {@code operator} from {@code leaf.value}.
   *
   * @param path the JSON path of {@code value}
   */
  static Operand operand(Operator operator, JsonObject leaf, String path) {
    JsonValue value = leaf.get("value");
    if (operator.operandType() == Operand.None.class) {
      if (value != null) {
        throw invalid(path, operator.wireName() + " takes no value");
      }
      return new Operand.None();
    }
    JsonShapes.required(value, path);
    return switch (operator) {
      case EQUALS, NOT_EQUALS, CONTAINS, STARTS_WITH, ENDS_WITH ->
          new Operand.Text(text(value, path));
      case REGEX -> regex(value, path);
      case GREATER_THAN, LESS_THAN -> number(value, path);
      case IN_LIST -> list(value, path);
      case WITHIN_LAST_DAYS, WITHIN_NEXT_DAYS -> days(value, path);
      case BEFORE, AFTER -> date(value, path);
      default -> throw new IllegalStateException("operator without a reader: " + operator);
    };
  }

  /** A string as is; a number or boolean as its JSON text. */
  private static String text(JsonValue value, String path) {
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER, TRUE, FALSE -> value.toString();
      default -> throw invalid(path, TEXT);
    };
  }

  private static Operand regex(JsonValue value, String path) {
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw invalid(path, "must be a regular expression (a string)");
    }
    String regex = ((JsonString) value).getString();
    String problem = regexProblem(regex);
    if (problem != null) {
      throw invalid(path, problem);
    }
    return new Operand.Text(regex);
  }

  private static Operand number(JsonValue value, String path) {
    if (value.getValueType() != JsonValue.ValueType.NUMBER) {
      throw invalid(path, "must be a number");
    }
    BigDecimal number = ((JsonNumber) value).bigDecimalValue();
    int scale = Math.max(0, number.stripTrailingZeros().scale());
    int integerDigits = number.signum() == 0 ? 0 : number.precision() - number.scale();
    if (scale > MAX_SCALE || integerDigits > MAX_INTEGER_DIGITS) {
      throw invalid(
          path,
          "is out of range: at most "
              + MAX_INTEGER_DIGITS
              + " digits before the decimal point and "
              + MAX_SCALE
              + " after it");
    }
    return new Operand.Number(number);
  }

  private static Operand list(JsonValue value, String path) {
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw invalid(path, "must be an array of texts");
    }
    JsonArray items = value.asJsonArray();
    if (items.isEmpty() || items.size() > MAX_LIST) {
      throw invalid(path, "must have 1 to " + MAX_LIST + " values; it has " + items.size());
    }
    List<String> values = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      values.add(text(items.get(i), path + "[" + i + "]"));
    }
    return new Operand.TextList(values);
  }

  private static Operand days(JsonValue value, String path) {
    String reason = "must be a whole number of days from 0 to " + MAX_DAYS;
    long days = JsonShapes.wholeNumber(value, path, reason);
    if (days < 0 || days > MAX_DAYS) {
      throw invalid(path, reason);
    }
    return new Operand.Days((int) days);
  }

  private static Operand date(JsonValue value, String path) {
    if (value.getValueType() == JsonValue.ValueType.NUMBER) {
      return new Operand.Moment(unixSeconds(((JsonNumber) value).bigDecimalValue(), path));
    }
    if (value.getValueType() == JsonValue.ValueType.STRING) {
      LocalDate day = calendarDay(((JsonString) value).getString());
      if (day != null) {
        return new Operand.Day(day);
      }
    }
    throw invalid(path, "must be Unix seconds (a number) or a date YYYY-MM-DD");
  }

  /** Checks a regular expression; {@code null} when it is acceptable, else the reason. */
  static String regexProblem(String regex) {
    if (regex.codePointCount(0, regex.length()) > MAX_REGEX_CHARS) {
      return "is longer than " + MAX_REGEX_CHARS + " characters";
    }
    try {
      Pattern.compile(regex);
      return null;
    } catch (PatternSyntaxException e) {
      return "is not a valid regular expression: " + e.getDescription();
    }
  }

  /** Unix seconds (a fraction of up to nine digits allowed) in years 1 to 9999. */
  static Instant unixSeconds(BigDecimal seconds, String path) {
    String reason = "must be Unix seconds between years 1 and 9999, or a date YYYY-MM-DD";
    if (seconds.compareTo(BigDecimal.valueOf(MIN_SECONDS)) < 0
        || seconds.compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0
        || seconds.stripTrailingZeros().scale() > 9) {
      throw invalid(path, reason);
    }
    BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
    int nanos = seconds.subtract(whole).movePointRight(9).intValueExact();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }

  /** A calendar day {@code YYYY-MM-DD}, or {@code null} when {@code text} is not one. */
  static LocalDate calendarDay(String text) {
    if (!CALENDAR_DAY.matcher(text).matches()) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
