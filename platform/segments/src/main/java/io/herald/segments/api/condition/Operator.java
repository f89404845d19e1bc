package io.herald.segments.api.condition;

import java.util.Arrays;
import java.util.Optional;

/**
 * How an attribute (of a person, an event's data, an object or a relationship) is compared, and
 * which {@link Operand} each operator takes. A missing attribute matches only {@link #NOT_EXISTS}
 * (and {@link #NOT_EQUALS}: Customer.io's "is not equal to" includes people without the attribute).
 *
 * <p>An attribute is <em>present</em> when its key exists and its value is not JSON {@code null}
 * (JSON {@code null} counts as missing everywhere). Values are compared as follows:
 *
 * <ul>
 *   <li><b>Text</b> operators ({@link #EQUALS}, {@link #CONTAINS}, {@link #STARTS_WITH}, {@link
 *       #ENDS_WITH}, {@link #IN_LIST}, {@link #REGEX}) compare the attribute's text: a JSON
 *       string's value, the JSON text of a number ({@code 42}, {@code 4.5}; Jakarta JSON's {@code
 *       JsonNumber.toString()}, which is the number as written unless it has an exponent), or
 *       {@code true} / {@code false}; case sensitive, character for character (like {@code
 *       utf8mb4_bin}). JSON objects and arrays have no text and match no text operator. {@link
 *       #NOT_EQUALS} is exactly the negation of {@link #EQUALS}: it matches missing attributes,
 *       objects, arrays and every other text.
 *   <li><b>Numbers</b> ({@link #GREATER_THAN}, {@link #LESS_THAN}): a JSON number, or a JSON string
 *       that is entirely a decimal number {@code -?[0-9]+(\.[0-9]+)?} (no spaces, no plus sign, no
 *       exponent), compared exactly as decimals. Other values (booleans, other strings, objects,
 *       arrays) never match.
 *   <li><b>Dates</b> ({@link #BEFORE}, {@link #AFTER}, {@link #WITHIN_LAST_DAYS}, {@link
 *       #WITHIN_NEXT_DAYS}) are Unix seconds: a JSON number (any, fractions and negatives included,
 *       compared numerically), or a JSON string of one or more ASCII digits {@code [0-9]+}
 *       (Customer.io's convention for date attributes); other values never match a date operator.
 *       "Local midnight starting day D" is the first instant of D in the chosen zone ({@code
 *       LocalDate.atStartOfDay(zone)}: a day that begins in a daylight-saving gap begins when the
 *       gap ends); "today" is the date of now in that zone. Days are calendar days, so a day across
 *       a daylight-saving change lasts 23 or 25 hours.
 * </ul>
 */
public enum Operator {
  /** The text equals the {@link Operand.Text}. */
  EQUALS("equals", Operand.Text.class),
  /**
   * Not {@link #EQUALS}: the attribute is missing, has no text (an object or an array), or its text
   * differs from the {@link Operand.Text}.
   */
  NOT_EQUALS("not_equals", Operand.Text.class),
  /** The attribute is present (JSON null counts as missing). */
  EXISTS("exists", Operand.None.class),
  /** The attribute is missing or JSON null. */
  NOT_EXISTS("not_exists", Operand.None.class),
  /** The text contains the {@link Operand.Text}. */
  CONTAINS("contains", Operand.Text.class),
  /** The text starts with the {@link Operand.Text}. */
  STARTS_WITH("starts_with", Operand.Text.class),
  /** The text ends with the {@link Operand.Text}. */
  ENDS_WITH("ends_with", Operand.Text.class),
  /** The number is greater than the {@link Operand.Number}. */
  GREATER_THAN("greater_than", Operand.Number.class),
  /** The number is less than the {@link Operand.Number}. */
  LESS_THAN("less_than", Operand.Number.class),
  /**
   * The date is before the {@link Operand.Moment}, or before local midnight starting the {@link
   * Operand.Day} in the chosen {@link ZoneChoice}.
   */
  BEFORE("before", Operand.Moment.class),
  /**
   * The date is at or after the {@link Operand.Moment}, or at or after local midnight ending the
   * {@link Operand.Day} (the start of the next day) in the chosen {@link ZoneChoice}.
   */
  AFTER("after", Operand.Moment.class),
  /**
   * The date lies between local midnight starting the day N days before today (in the chosen zone)
   * and now, inclusive ({@link Operand.Days}). With N = 0: today so far.
   */
  WITHIN_LAST_DAYS("within_last_days", Operand.Days.class),
  /**
   * The date lies between now and local midnight ending the day N days after today, now included,
   * the end excluded ({@link Operand.Days}). With N = 0: the rest of today.
   */
  WITHIN_NEXT_DAYS("within_next_days", Operand.Days.class),
  /** The text equals one of the {@link Operand.TextList} values. */
  IN_LIST("in_list", Operand.TextList.class),
  /**
   * Part of the text matches the {@link Operand.Text} regular expression (find, not full match).
   */
  REGEX("regex", Operand.Text.class);

  private final String wireName;
  private final Class<? extends Operand> operandType;

  Operator(String wireName, Class<? extends Operand> operandType) {
    this.wireName = wireName;
    this.operandType = operandType;
  }

  /** The operator's name in condition JSON. */
  public String wireName() {
    return wireName;
  }

  /**
   * The operand type this operator takes. {@link #BEFORE} and {@link #AFTER} take a {@link
   * Operand.Moment} or a {@link Operand.Day}; see {@link #accepts(Operand)}.
   */
  public Class<? extends Operand> operandType() {
    return operandType;
  }

  /** Whether the operand has the type this operator takes. */
  public boolean accepts(Operand operand) {
    if (this == BEFORE || this == AFTER) {
      return operand instanceof Operand.Moment || operand instanceof Operand.Day;
    }
    return operandType.isInstance(operand);
  }

  /** Whether this operator compares dates (and so may depend on a time zone and on the clock). */
  public boolean isDate() {
    return this == BEFORE || this == AFTER || this == WITHIN_LAST_DAYS || this == WITHIN_NEXT_DAYS;
  }

  /** The operator with this JSON name. */
  public static Optional<Operator> fromWireName(String name) {
    return Arrays.stream(values()).filter(o -> o.wireName.equals(name)).findFirst();
  }
}
