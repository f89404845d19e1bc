package io.herald.segments.api.condition;

import java.util.List;
import java.util.Objects;

/**
 * OR: true when at least one condition is true (an empty group is false).
 *
 * @param conditions the members of the group
 */
public record Any(List<Condition> conditions) implements Condition {
  /** Copies the list; no member may be null. */
  public Any {
    conditions = List.copyOf(Objects.requireNonNull(conditions, "conditions"));
  }
}
