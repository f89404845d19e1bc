package io.herald.segments.api.condition;

import java.util.Objects;

/**
 * NOT: true when the condition is false.
 *
 * @param condition the negated condition
 */
public record Not(Condition condition) implements Condition {
  /** Requires the condition. */
  public Not {
    Objects.requireNonNull(condition, "condition");
  }
}
