package io.herald.segments.internal.evaluate;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of evaluating a condition tree for one person at one instant.
 *
 * @param matches whether the person matches
 * @param recheckAt the earliest instant after which the result can change with no new data (a
 *     window expiring, a date passing); empty when only new data can change it
 */
public record Evaluation(boolean matches, Optional<Instant> recheckAt) {
  /** Requires the optional. */
  public Evaluation {
    Objects.requireNonNull(recheckAt, "recheckAt");
  }
}
