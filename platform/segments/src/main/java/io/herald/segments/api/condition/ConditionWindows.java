package io.herald.segments.api.condition;

import static io.herald.segments.api.condition.JsonShapes.child;
import static io.herald.segments.api.condition.JsonShapes.invalid;
import static io.herald.segments.api.condition.JsonShapes.object;
import static io.herald.segments.api.condition.JsonShapes.present;
import static io.herald.segments.api.condition.JsonShapes.required;
import static io.herald.segments.api.condition.JsonShapes.text;
import static io.herald.segments.api.condition.JsonShapes.wholeNumber;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/** Reads the {@code count} and {@code within} of event and engagement leaves. */
final class ConditionWindows {

  /** The largest amount of each window unit (100 years). */
  private static final Map<ChronoUnit, Long> MAX_WINDOW =
      Map.of(
          ChronoUnit.MINUTES, 36_525L * 24 * 60,
          ChronoUnit.HOURS, 36_525L * 24,
          ChronoUnit.DAYS, 36_525L);

  private ConditionWindows() {}

  static Count count(JsonObject leaf, String path) {
    JsonValue json = present(leaf, "count");
    if (json == null) {
      return Count.atLeastOnce();
    }
    String at = child(path, "count");
    JsonObject count = object(json, at, Set.of("at_least", "at_most", "exactly"));
    if (count.size() != 1) {
      throw invalid(at, "must have exactly one of at_least, at_most, exactly");
    }
    String key = count.keySet().iterator().next();
    String keyPath = child(at, key);
    long times = wholeNumber(required(count.get(key), keyPath), keyPath, "must be a whole number");
    if (times < 0 || times > Integer.MAX_VALUE) {
      throw invalid(keyPath, "must be from 0 to " + Integer.MAX_VALUE);
    }
    Count.Comparison comparison =
        Arrays.stream(Count.Comparison.values())
            .filter(c -> c.wireName().equals(key))
            .findFirst()
            .orElseThrow();
    return new Count(comparison, (int) times);
  }

  static Window window(JsonObject leaf, String path) {
    JsonValue json = present(leaf, "within");
    if (json == null) {
      return new Window.Ever();
    }
    String at = child(path, "within");
    JsonObject within = object(json, at, Set.of("last", "unit", "from", "to"));
    boolean relative = within.containsKey("last") || within.containsKey("unit");
    boolean absolute = within.containsKey("from") || within.containsKey("to");
    if (relative && absolute) {
      throw invalid(at, "give last and unit, or from and to, not both");
    }
    if (relative) {
      String lastPath = child(at, "last");
      long amount =
          wholeNumber(required(within.get("last"), lastPath), lastPath, "must be a whole number");
      String unitPath = child(at, "unit");
      String unitName = text(required(within.get("unit"), unitPath), unitPath);
      ChronoUnit unit =
          Window.Last.UNITS.stream()
              .filter(u -> ConditionJson.unitName(u).equals(unitName))
              .findFirst()
              .orElseThrow(() -> invalid(unitPath, "must be minutes, hours or days"));
      long max = MAX_WINDOW.get(unit);
      if (amount < 1 || amount > max) {
        throw invalid(lastPath, "must be from 1 to " + max + " " + unitName);
      }
      return new Window.Last(amount, unit);
    }
    if (absolute) {
      Instant from = instant(within.get("from"), child(at, "from"));
      Instant to = instant(within.get("to"), child(at, "to"));
      if (!from.isBefore(to)) {
        throw invalid(child(at, "to"), "must be after from");
      }
      return new Window.Between(from, to);
    }
    throw invalid(at, "must have last and unit, or from and to (leave within out for ever)");
  }

  private static Instant instant(JsonValue json, String path) {
    String value = text(required(json, path), path);
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid(path, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
    }
  }
}
