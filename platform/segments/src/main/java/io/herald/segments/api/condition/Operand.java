package io.herald.segments.api.condition;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** The value an {@link Operator} compares with. */
public sealed interface Operand
    permits Operand.None,
        Operand.Text,
        Operand.Number,
        Operand.TextList,
        Operand.Days,
        Operand.Moment,
        Operand.Day {

  /** No value ({@link Operator#EXISTS}, {@link Operator#NOT_EXISTS}). */
  record None() implements Operand {}

  /**
   * A text value.
   *
   * @param value the text
   */
  record Text(String value) implements Operand {
    /** Requires the value. */
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A number.
   *
   * @param value the number
   */
  record Number(BigDecimal value) implements Operand {
    /** Requires the value. */
    public Number {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A list of text values ({@link Operator#IN_LIST}).
   *
   * @param values the values, at least one
   */
  record TextList(List<String> values) implements Operand {
    /** Copies the list. */
    public TextList {
      values = List.copyOf(values);
    }
  }

  /**
   * A number of days ({@link Operator#WITHIN_LAST_DAYS}, {@link Operator#WITHIN_NEXT_DAYS}).
   *
   * @param days zero or more
   */
  record Days(int days) implements Operand {
    /** Rejects negative counts. */
    public Days {
      if (days < 0) {
        throw new IllegalArgumentException("days must not be negative");
      }
    }
  }

  /**
   * An instant ({@link Operator#BEFORE}, {@link Operator#AFTER}); Unix seconds in JSON.
   *
   * @param instant the instant
   */
  record Moment(Instant instant) implements Operand {
    /** Requires the instant. */
    public Moment {
      Objects.requireNonNull(instant, "instant");
    }
  }

  /**
   * A calendar day ({@link Operator#BEFORE}, {@link Operator#AFTER}), read in a {@link ZoneChoice};
   * {@code "YYYY-MM-DD"} in JSON.
   *
   * @param date the day
   */
  record Day(LocalDate date) implements Operand {
    /** Requires the date. */
    public Day {
      Objects.requireNonNull(date, "date");
    }
  }
}
