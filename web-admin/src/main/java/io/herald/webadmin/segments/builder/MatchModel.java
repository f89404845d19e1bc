package io.herald.webadmin.segments.builder;

import io.herald.segments.api.condition.Match;
import io.herald.segments.api.condition.Operator;
import io.herald.segments.api.condition.ZoneChoice;
import java.io.Serializable;

/** One comparison as the builder edits it: the operator, the operand as text, the time zone. */
public final class MatchModel implements Serializable {

  private static final long serialVersionUID = 1L;

  private Operator operator = Operator.EQUALS;
  private String value = "";
  private ZoneChoice zone = ZoneChoice.WORKSPACE;

  /** Shows {@code match}. */
  void read(Match match) {
    operator = match.operator();
    value = OperandText.format(match.operand());
    zone = match.zone();
  }

  /** The match, or {@code null} after reporting why the operand does not fit the operator. */
  Match toMatch(Problems.Scope problems, String field) {
    try {
      return new Match(operator, OperandText.parse(operator, value), zone);
    } catch (IllegalArgumentException e) {
      problems.add(field, e.getMessage());
      return null;
    }
  }

  public Operator getOperator() {
    return operator;
  }

  public void setOperator(Operator operator) {
    this.operator = operator == null ? Operator.EQUALS : operator;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value == null ? "" : value;
  }

  public ZoneChoice getZone() {
    return zone;
  }

  public void setZone(ZoneChoice zone) {
    this.zone = zone == null ? ZoneChoice.WORKSPACE : zone;
  }

  /** Whether the operator takes a value at all ({@code exists} does not). */
  public boolean isTakesValue() {
    return operator != Operator.EXISTS && operator != Operator.NOT_EXISTS;
  }

  /** Whether the value is a list, one per line. */
  public boolean isList() {
    return operator == Operator.IN_LIST;
  }

  /** Whether the operator compares dates, so the time zone matters. */
  public boolean isDate() {
    return operator.isDate();
  }
}
