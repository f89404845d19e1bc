package io.herald.segments.api.condition;

import java.util.Objects;

/**
 * A comparison of one top-level property of a JSON document (an event's data, an object's or a
 * relationship's attributes).
 *
 * @param property the property name
 * @param match the comparison
 */
public record PropertyMatch(String property, Match match) {
  /** Requires both. */
  public PropertyMatch {
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(match, "match");
  }
}
