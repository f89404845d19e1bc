package io.herald.segments.internal.realtime;

import java.time.Duration;

/**
 * Paces one events-feed loop that stays behind: once {@code patience} steps in a row have found a
 * full batch (the feed held at least a batch more each time), the loop rests after each step for
 * {@code rest} times as long as the step took, until a step finds less than a full batch.
 *
 * <p>Evaluation runs after ingestion has committed, on the same machines and the same database:
 * under a sustained load beyond what the engine evaluates, a loop that never rests takes its whole
 * share of the cores from ingestion. Resting hands part of it back (ingestion keeps priority; the
 * backlog drains more slowly), without touching the delay of a feed that keeps up: a short burst
 * never fills {@code patience} batches in a row. One instance per loop, used by its thread only.
 */
final class Backlog {

  /** What one step of an events-feed loop found. */
  enum Found {
    /** Nothing to handle: the loop pauses. */
    NOTHING,
    /** Less than a full batch. */
    SOME,
    /** A full batch: there may be more. */
    FULL
  }

  private final int patience;
  private final double rest;
  private int fullInARow;

  /**
   * @param patience full batches in a row before the loop rests (at least 1)
   * @param rest the rest after a step, as a multiple of the step's time (0: never rests)
   */
  Backlog(int patience, double rest) {
    if (patience < 1) {
      throw new IllegalArgumentException("patience must be at least 1, not " + patience);
    }
    if (!(rest >= 0)) {
      throw new IllegalArgumentException("rest must be 0 or more, not " + rest);
    }
    this.patience = patience;
    this.rest = rest;
  }

  /** The rest to take after a step that found {@code found} and took {@code took}. */
  Duration after(Found found, Duration took) {
    fullInARow = found == Found.FULL ? fullInARow + 1 : 0;
    if (fullInARow <= patience || rest == 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) (took.toNanos() * rest));
  }
}
