package io.herald.segments.internal.evaluate;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Combines evaluations of parts into the evaluation of a whole (AND, OR, NOT), including when the
 * whole may next change.
 *
 * <p>Each part's {@code recheckAt} is no later than its first change. An AND that is true changes
 * when any part changes: the earliest of the parts' instants. An AND that is false stays false
 * while any false part stays false: it cannot change before the latest of its false parts'
 * instants, and never without new data when one of them has none. OR is the mirror image. Parts are
 * evaluated in order and the rest are skipped once the whole is settled for good (a false part that
 * cannot change makes an AND false until new data comes).
 */
final class Verdicts {

  private static final Evaluation TRUE_FOR_GOOD = new Evaluation(true, Optional.empty());
  private static final Evaluation FALSE_FOR_GOOD = new Evaluation(false, Optional.empty());

  private Verdicts() {}

  /** A result that only new data can change. */
  static Evaluation settled(boolean matches) {
    return matches ? TRUE_FOR_GOOD : FALSE_FOR_GOOD;
  }

  /** AND over the parts (true when there are none). */
  static <T> Evaluation all(Iterable<T> parts, Function<T, Evaluation> evaluate) {
    return combine(parts, evaluate, false);
  }

  /** OR over the parts (false when there are none). */
  static <T> Evaluation any(Iterable<T> parts, Function<T, Evaluation> evaluate) {
    return combine(parts, evaluate, true);
  }

  /** NOT: the opposite result, changing when the part changes. */
  static Evaluation not(Evaluation part) {
    return new Evaluation(!part.matches(), part.recheckAt());
  }

  /**
   * AND ({@code decisive = false}) or OR ({@code decisive = true}): a part whose result is {@code
   * decisive} decides the whole.
   */
  private static <T> Evaluation combine(
      Iterable<T> parts, Function<T, Evaluation> evaluate, boolean decisive) {
    boolean decided = false;
    Instant decidedUntil = null; // the latest recheck among decisive parts
    Instant earliest = null; // the earliest recheck among all parts
    for (T part : parts) {
      Evaluation e = evaluate.apply(part);
      if (e.matches() == decisive) {
        if (e.recheckAt().isEmpty()) {
          return settled(decisive);
        }
        decided = true;
        decidedUntil = later(decidedUntil, e.recheckAt().get());
      }
      if (e.recheckAt().isPresent()) {
        earliest = earlier(earliest, e.recheckAt().get());
      }
    }
    if (decided) {
      return new Evaluation(decisive, Optional.of(decidedUntil));
    }
    return new Evaluation(!decisive, Optional.ofNullable(earliest));
  }

  /** The earlier of two instants, either possibly {@code null}. */
  static Instant earlier(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
