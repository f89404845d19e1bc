package io.herald.webadmin.segments.builder;

import io.herald.segments.api.condition.Count;
import java.io.Serializable;

/** How many events or engagements a leaf asks for: at least, at most or exactly N. */
public final class CountModel implements Serializable {

  private static final long serialVersionUID = 1L;

  private Count.Comparison comparison = Count.Comparison.AT_LEAST;
  private String times = "1";

  void read(Count count) {
    comparison = count.comparison();
    times = Integer.toString(count.times());
  }

  /** The count, or {@code null} after reporting why the number is not one. */
  Count toCount(Problems.Scope problems) {
    try {
      return new Count(comparison, OperandText.wholeNumber(times, 0));
    } catch (IllegalArgumentException e) {
      problems.add("times", e.getMessage());
      return null;
    }
  }

  public Count.Comparison getComparison() {
    return comparison;
  }

  public void setComparison(Count.Comparison comparison) {
    this.comparison = comparison == null ? Count.Comparison.AT_LEAST : comparison;
  }

  public String getTimes() {
    return times;
  }

  public void setTimes(String times) {
    this.times = times == null ? "" : times;
  }
}
