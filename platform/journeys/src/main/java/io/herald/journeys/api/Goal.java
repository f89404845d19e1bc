package io.herald.journeys.api;

import java.time.Duration;
import java.util.List;

/**
 * The conversion goal: the person performs {@code event} (matching {@code where}) within {@code
 * within} after entering, or after passing the step {@code after}.
 *
 * @param after a node id, null for the entry
 */
public record Goal(String event, List<DataFilter> where, Duration within, String after) {

  /** Copies the list. */
  public Goal {
    where = List.copyOf(where);
  }
}
