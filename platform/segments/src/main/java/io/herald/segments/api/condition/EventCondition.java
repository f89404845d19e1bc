package io.herald.segments.api.condition;

import java.util.List;
import java.util.Objects;

/**
 * Leaf: the person performed (or did not perform) event {@code name} a number of times within a
 * window, counting only events whose data matches every filter (all events of the name when there
 * are none). Event names compare exactly (case sensitive). A filter names a top-level key of the
 * event's data and follows {@link Operator}'s rules (a missing key matches only {@link
 * Operator#NOT_EXISTS} and {@link Operator#NOT_EQUALS}). Events of the person's anonymous ids count
 * once the anonymous id is linked to the person.
 *
 * @param name the event name (Track {@code name}, Pipelines {@code event}; {@code page} and {@code
 *     screen} events by their name too)
 * @param performed {@code false} negates the whole leaf ("did not perform at least 3 times")
 * @param count how many matching events
 * @param window when they happened
 * @param where filters on the event's data, all of which must match
 */
public record EventCondition(
    String name, boolean performed, Count count, Window window, List<PropertyMatch> where)
    implements Condition {
  /** Requires every part; copies the filters. */
  public EventCondition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(count, "count");
    Objects.requireNonNull(window, "window");
    where = List.copyOf(where);
  }
}
