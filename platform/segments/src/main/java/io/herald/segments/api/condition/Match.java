package io.herald.segments.api.condition;

import java.util.Objects;

/**
 * One comparison of a value: operator, operand and, for date operators, the time zone.
 *
 * @param operator the operator
 * @param operand its operand, of a type the operator {@linkplain Operator#accepts accepts}
 * @param zone the zone calendar days are read in; ignored by operators that are not dates
 */
public record Match(Operator operator, Operand operand, ZoneChoice zone) {
  /** Checks that the operator takes the operand. */
  public Match {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(operand, "operand");
    Objects.requireNonNull(zone, "zone");
    if (!operator.accepts(operand)) {
      throw new IllegalArgumentException(
          operator.wireName() + " does not take " + operand.getClass().getSimpleName());
    }
  }

  /** A comparison read in the workspace's zone. */
  public static Match of(Operator operator, Operand operand) {
    return new Match(operator, operand, ZoneChoice.WORKSPACE);
  }
}
