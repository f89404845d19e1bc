package io.herald.segments.api.condition;

import static io.herald.segments.api.condition.ConditionJsonReader.invalid;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code value} of a comparison as the {@link Operand} its operator takes. */
final class ConditionValues {

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
    ConditionJsonReader.required(value, path);
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
    String problem = ConditionJsonReader.regexProblem(regex);
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
    if (scale > ConditionJsonReader.MAX_SCALE
        || integerDigits > ConditionJsonReader.MAX_INTEGER_DIGITS) {
      throw invalid(
          path,
          "is out of range: at most "
              + ConditionJsonReader.MAX_INTEGER_DIGITS
              + " digits before the decimal point and "
              + ConditionJsonReader.MAX_SCALE
              + " after it");
    }
    return new Operand.Number(number);
  }

  private static Operand list(JsonValue value, String path) {
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw invalid(path, "must be an array of texts");
    }
    JsonArray items = value.asJsonArray();
    if (items.isEmpty() || items.size() > ConditionJsonReader.MAX_LIST) {
      throw invalid(
          path,
          "must have 1 to " + ConditionJsonReader.MAX_LIST + " values; it has " + items.size());
    }
    List<String> values = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      values.add(text(items.get(i), path + "[" + i + "]"));
    }
    return new Operand.TextList(values);
  }

  private static Operand days(JsonValue value, String path) {
    String reason = "must be a whole number of days from 0 to " + ConditionJsonReader.MAX_DAYS;
    long days = ConditionJsonReader.wholeNumber(value, path, reason);
    if (days < 0 || days > ConditionJsonReader.MAX_DAYS) {
      throw invalid(path, reason);
    }
    return new Operand.Days((int) days);
  }

  private static Operand date(JsonValue value, String path) {
    if (value.getValueType() == JsonValue.ValueType.NUMBER) {
      return new Operand.Moment(
          ConditionJsonReader.unixSeconds(((JsonNumber) value).bigDecimalValue(), path));
    }
    if (value.getValueType() == JsonValue.ValueType.STRING) {
      LocalDate day = ConditionJsonReader.calendarDay(((JsonString) value).getString());
      if (day != null) {
        return new Operand.Day(day);
      }
    }
    throw invalid(path, "must be Unix seconds (a number) or a date YYYY-MM-DD");
  }
}
