package io.herald.segments.api.condition;

import java.util.List;
import java.util.Objects;

/**
 * AND: true when every condition is true (an empty group is true).
 *
 * @param conditions the members of the group
 */
public record All(List<Condition> conditions) implements Condition {
  /** Copies the list; no member may be null. */
  public All {
    conditions = List.copyOf(Objects.requireNonNull(conditions, "conditions"));
  }
}
