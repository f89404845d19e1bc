package io.herald.segments.internal.evaluate;

import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Operand;
import io.herald.segments.api.condition.Operator;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Applies one {@link Match} to one attribute value, per {@link Operator}'s rules, and says when a
 * date comparison that depends on the clock ({@link Operator#WITHIN_LAST_DAYS}, {@link
 * Operator#WITHIN_NEXT_DAYS}) next changes. Every other comparison changes only with new data.
 */
final class ValueMatcher {

  private ValueMatcher() {}

  /**
   * Evaluates {@code match} on {@code value}.
   *
   * @param value the attribute's value, {@code null} when missing
   */
  static Evaluation match(Match match, JsonValue value, EvaluationContext context) {
    Operand operand = match.operand();
    return switch (match.operator()) {
      case EXISTS -> Verdicts.settled(JsonValues.present(value));
      case NOT_EXISTS -> Verdicts.settled(!JsonValues.present(value));
      case EQUALS -> text(value, t -> t.equals(text(operand)));
      case NOT_EQUALS -> Verdicts.not(text(value, t -> t.equals(text(operand))));
      case CONTAINS -> text(value, t -> t.contains(text(operand)));
      case STARTS_WITH -> text(value, t -> t.startsWith(text(operand)));
      case ENDS_WITH -> text(value, t -> t.endsWith(text(operand)));
      case IN_LIST -> text(value, t -> ((Operand.TextList) operand).values().contains(t));
      case REGEX -> text(value, regex(text(operand)));
      case GREATER_THAN -> number(value, n -> n.compareTo(number(operand)) > 0);
      case LESS_THAN -> number(value, n -> n.compareTo(number(operand)) < 0);
      case BEFORE -> date(value, s -> s.compareTo(boundary(match, false, context)) < 0);
      case AFTER -> date(value, s -> s.compareTo(boundary(match, true, context)) >= 0);
      case WITHIN_LAST_DAYS ->
          JsonValues.seconds(value)
              .map(s -> DayRanges.withinLast(s, days(operand), context, match.zone()))
              .orElse(Verdicts.settled(false));
      case WITHIN_NEXT_DAYS ->
          JsonValues.seconds(value)
              .map(s -> DayRanges.withinNext(s, days(operand), context, match.zone()))
              .orElse(Verdicts.settled(false));
    };
  }

  private static Evaluation text(JsonValue value, Predicate<String> test) {
    return Verdicts.settled(JsonValues.text(value).filter(test).isPresent());
  }

  private static Evaluation number(JsonValue value, Predicate<BigDecimal> test) {
    return Verdicts.settled(JsonValues.number(value).filter(test).isPresent());
  }

  private static Evaluation date(JsonValue value, Predicate<BigDecimal> test) {
    return Verdicts.settled(JsonValues.seconds(value).filter(test).isPresent());
  }

  /**
   * Find, not full match; a pattern Java cannot compile (validation rejects it) matches nothing.
   */
  private static Predicate<String> regex(String pattern) {
    try {
      Pattern compiled = Pattern.compile(pattern);
      return t -> compiled.matcher(t).find();
    } catch (PatternSyntaxException e) {
      return t -> false;
    }
  }

  /**
   * The instant, in Unix seconds, a {@link Operator#BEFORE} or {@link Operator#AFTER} compares
   * with: the moment itself, or the local midnight starting the day ({@code BEFORE}) or ending it
   * ({@code AFTER}).
   */
  private static BigDecimal boundary(Match match, boolean after, EvaluationContext context) {
    Instant instant;
    if (match.operand() instanceof Operand.Moment moment) {
      instant = moment.instant();
    } else {
      Operand.Day day = (Operand.Day) match.operand();
      instant =
          TimeBounds.startOfDay(
              after ? day.date().plusDays(1) : day.date(), context.zone(match.zone()));
    }
    return TimeBounds.seconds(instant);
  }

  private static String text(Operand operand) {
    return ((Operand.Text) operand).value();
  }

  private static BigDecimal number(Operand operand) {
    return ((Operand.Number) operand).value();
  }

  private static int days(Operand operand) {
    return ((Operand.Days) operand).days();
  }
}
