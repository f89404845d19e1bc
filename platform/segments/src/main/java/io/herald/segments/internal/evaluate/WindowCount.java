package io.herald.segments.internal.evaluate;

import io.herald.segments.api.condition.Count;
import io.herald.segments.api.condition.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Counts the occurrences (events or engagements) a {@link Window} takes and tests the {@link
 * Count}, and finds the first instant at which the test's result can change with no new data.
 *
 * <p>Under {@link Window.Last} an occurrence counts from its {@code occurredAt} (included) until
 * {@code occurredAt + window} (excluded), so the count's whole future is known: the evaluator steps
 * through those instants and returns the first at which the test's result differs. An occurrence
 * whose filters depend on the clock (a date in its data) may start or stop matching them at its
 * filters' own instant; the search stops at the earliest such instant and returns it (re-checking
 * then is early at worst). {@link Window.Ever} and {@link Window.Between} do not depend on the
 * clock.
 */
final class WindowCount {

  private WindowCount() {}

  /**
   * One candidate occurrence: of the right name (or metric), with the result of its filters.
   *
   * @param occurredAt when it happened
   * @param filters whether its data matches every filter, and when that may change
   */
  record Occurrence(Instant occurredAt, Evaluation filters) {}

  /** A change of the count at an instant. */
  private record Step(Instant at, int delta) {}

  /** Evaluates "{@code count} occurrences within {@code window}" at {@code now}. */
  static Evaluation evaluate(
      List<Occurrence> occurrences, Window window, Count count, Instant now) {
    Instant horizon = null; // the first instant some occurrence's filters may change
    long counted = 0;
    for (Occurrence o : occurrences) {
      if (o.filters().recheckAt().isPresent() && mayCount(o.occurredAt(), window, now)) {
        horizon = Verdicts.earlier(horizon, o.filters().recheckAt().get());
      }
      if (o.filters().matches() && inWindow(o.occurredAt(), window, now)) {
        counted++;
      }
    }
    boolean matches = count.test(counted);
    Optional<Instant> change =
        window instanceof Window.Last last
            ? firstChange(occurrences, duration(last), count, now, counted, horizon)
            : Optional.ofNullable(horizon);
    return new Evaluation(matches, change);
  }

  /** Whether an occurrence at {@code at} lies in the window at {@code now}. */
  static boolean inWindow(Instant at, Window window, Instant now) {
    if (window instanceof Window.Last last) {
      return !at.isAfter(now) && TimeBounds.plusSaturating(at, duration(last)).isAfter(now);
    }
    if (window instanceof Window.Between between) {
      return !at.isBefore(between.from()) && at.isBefore(between.to());
    }
    return true; // Ever
  }

  /** Whether an occurrence at {@code at} is in the window now or may be later. */
  private static boolean mayCount(Instant at, Window window, Instant now) {
    if (window instanceof Window.Last last) {
      return TimeBounds.plusSaturating(at, duration(last)).isAfter(now);
    }
    return inWindow(at, window, now);
  }

  /** The length of a {@link Window.Last}, saturating at an absurdly long one. */
  static Duration duration(Window.Last last) {
    try {
      return last.unit().getDuration().multipliedBy(last.amount());
    } catch (ArithmeticException e) {
      return Duration.ofSeconds(Long.MAX_VALUE);
    }
  }

  /**
   * Steps through the instants at which matching occurrences enter or leave the window and returns
   * the first at which the test's result differs from now's, or {@code horizon} if that comes first
   * (or if the result never differs).
   */
  private static Optional<Instant> firstChange(
      List<Occurrence> occurrences,
      Duration length,
      Count count,
      Instant now,
      long counted,
      Instant horizon) {
    List<Step> steps = new ArrayList<>();
    for (Occurrence o : occurrences) {
      if (!o.filters().matches()) {
        continue; // cannot count before its filters change, which the horizon covers
      }
      Instant enters = o.occurredAt();
      Instant leaves = TimeBounds.plusSaturating(enters, length);
      if (!leaves.isAfter(now)) {
        continue; // already gone for good
      }
      if (enters.isAfter(now)) {
        steps.add(new Step(enters, +1));
      }
      if (!leaves.equals(Instant.MAX)) {
        steps.add(new Step(leaves, -1));
      }
    }
    steps.sort(Comparator.comparing(Step::at));
    boolean current = count.test(counted);
    long n = counted;
    int i = 0;
    while (i < steps.size()) {
      Instant at = steps.get(i).at();
      if (horizon != null && !at.isBefore(horizon)) {
        break;
      }
      while (i < steps.size() && steps.get(i).at().equals(at)) {
        n += steps.get(i).delta();
        i++;
      }
      if (count.test(n) != current) {
        return Optional.of(at);
      }
    }
    return Optional.ofNullable(horizon);
  }
}
