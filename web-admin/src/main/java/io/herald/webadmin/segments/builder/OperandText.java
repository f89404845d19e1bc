package io.herald.webadmin.segments.builder;

import io.herald.segments.api.condition.Operand;
import io.herald.segments.api.condition.Operator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Operands as the builder edits them, as text: parsing what was typed for an operator, and writing
 * an operand back. Text is kept exactly as typed; a list is one value per line (each trimmed, blank
 * lines ignored); a date operand is a day ({@code 2026-01-31}), an instant ({@code
 * 2026-01-31T12:00:00Z}) or Unix seconds.
 */
public final class OperandText {

  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,12}");

  private OperandText() {}

  /**
   * The operand {@code operator} takes, read from {@code text}.
   *
   * @throws IllegalArgumentException with the reason when the text does not fit the operator
   */
  public static Operand parse(Operator operator, String text) {
    String value = text == null ? "" : text;
    return switch (operator) {
      case EXISTS, NOT_EXISTS -> new Operand.None();
      case EQUALS, NOT_EQUALS, CONTAINS, STARTS_WITH, ENDS_WITH -> new Operand.Text(value);
      case REGEX -> regex(value);
      case GREATER_THAN, LESS_THAN -> number(value);
      case WITHIN_LAST_DAYS, WITHIN_NEXT_DAYS -> new Operand.Days(wholeNumber(value, 0));
      case BEFORE, AFTER -> moment(value);
      case IN_LIST -> list(value);
    };
  }

  /** The operand as the builder shows it; {@link #parse} reads it back to an equal operand. */
  public static String format(Operand operand) {
    if (operand instanceof Operand.Text t) {
      return t.value();
    }
    if (operand instanceof Operand.Number n) {
      return n.value().toString();
    }
    if (operand instanceof Operand.TextList l) {
      return String.join("\n", l.values());
    }
    if (operand instanceof Operand.Days d) {
      return Integer.toString(d.days());
    }
    if (operand instanceof Operand.Moment m) {
      return m.instant().toString();
    }
    if (operand instanceof Operand.Day d) {
      return d.date().toString();
    }
    return "";
  }

  /**
   * An instant for a window bound: a day (its midnight in UTC), an ISO instant or Unix seconds.
   *
   * @throws IllegalArgumentException with the reason when it is none of these
   */
  public static Instant instant(String text) {
    String value = text == null ? "" : text.trim();
    if (DAY.matcher(value).matches()) {
      return day(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return instantOf(value);
  }

  /**
   * A whole number of at least {@code min}.
   *
   * @throws IllegalArgumentException with the reason otherwise
   */
  public static int wholeNumber(String text, int min) {
    String value = text == null ? "" : text.trim();
    int n;
    try {
      n = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not a whole number");
    }
    if (n < min) {
      throw new IllegalArgumentException("must be at least " + min);
    }
    return n;
  }

  private static Operand regex(String value) {
    try {
      Pattern.compile(value);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("not a regular expression: " + e.getDescription());
    }
    return new Operand.Text(value);
  }

  private static Operand number(String value) {
    try {
      return new Operand.Number(new BigDecimal(value.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value.trim() + "' is not a number");
    }
  }

  private static Operand list(String value) {
    List<String> values =
        Arrays.stream(value.split("\\R")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    if (values.isEmpty()) {
      throw new IllegalArgumentException("give at least one value, one per line");
    }
    return new Operand.TextList(values);
  }

  private static Operand moment(String text) {
    String value = text.trim();
    if (DAY.matcher(value).matches()) {
      return new Operand.Day(day(value));
    }
    return new Operand.Moment(instantOf(value));
  }

  private static Instant instantOf(String value) {
    if (DIGITS.matcher(value).matches()) {
      return Instant.ofEpochSecond(Long.parseLong(value));
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + value
              + "' is not a day (2026-01-31), an instant (2026-01-31T12:00:00Z) or Unix seconds");
    }
  }

  private static LocalDate day(String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + value + "' is not a day of the calendar");
    }
  }
}
