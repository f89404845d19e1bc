package io.herald.segments.api.condition;

import java.util.Objects;

/**
 * How many matching events (or engagements) a leaf asks for.
 *
 * @param comparison at least, at most or exactly
 * @param times the number, zero or more
 */
public record Count(Comparison comparison, int times) {

  /** How the number of events is compared with {@code times}. */
  public enum Comparison {
    /** {@code >= times} */
    AT_LEAST("at_least"),
    /** {@code <= times} */
    AT_MOST("at_most"),
    /** {@code == times} */
    EXACTLY("exactly");

    private final String wireName;

    Comparison(String wireName) {
      this.wireName = wireName;
    }

    /** The name in condition JSON. */
    public String wireName() {
      return wireName;
    }
  }

  /** Requires a comparison and a count of zero or more. */
  public Count {
    Objects.requireNonNull(comparison, "comparison");
    if (times < 0) {
      throw new IllegalArgumentException("times must not be negative");
    }
  }

  /** At least once: "performed". */
  public static Count atLeastOnce() {
    return new Count(Comparison.AT_LEAST, 1);
  }

  /** Whether {@code n} matching events satisfy this count. */
  public boolean test(long n) {
    return switch (comparison) {
      case AT_LEAST -> n >= times;
      case AT_MOST -> n <= times;
      case EXACTLY -> n == times;
    };
  }
}
