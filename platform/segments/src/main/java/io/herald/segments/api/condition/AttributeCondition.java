package io.herald.segments.api.condition;

import java.util.Objects;

/**
 * Leaf: a person attribute (a top-level key of the person's attributes, such as {@code plan}; the
 * identifiers {@code id}, {@code email} and {@code phone} are attributes too) matches.
 *
 * @param attribute the attribute name
 * @param match the comparison
 */
public record AttributeCondition(String attribute, Match match) implements Condition {
  /** Requires both. */
  public AttributeCondition {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(match, "match");
  }
}
