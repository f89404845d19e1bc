package io.herald.segments.internal.evaluate;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of evaluating a condition tree for one person at one instant.
 *
 * @param matches whether the person matches
 * @param recheckAt an instant after the evaluation's {@code now}, no later than the first instant
 *     at which the result can differ with no new data (a window expiring, a future-dated event or
 *     date arriving, a local midnight moving a day range): evaluating again at {@code recheckAt}
 *     sees the change. It may be earlier than the change (re-checking early is harmless and yields
 *     a later {@code recheckAt}), never later. Empty when only new data can change the result. A
 *     scheduler storing coarser instants than nanoseconds should round up, never down (rounding
 *     down would re-check before the change, again and again until it comes)
 */
public record Evaluation(boolean matches, Optional<Instant> recheckAt) {
  /** Requires the optional. */
  public Evaluation {
    Objects.requireNonNull(recheckAt, "recheckAt");
  }
}
