package io.herald.segments.internal.evaluate;

import io.herald.segments.api.condition.Condition;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Evaluates a condition tree for one person, in memory. Agrees with the SQL compiler on every tree
 * and every data set (a property-based test checks it).
 */
public interface PersonEvaluator {

  /**
   * Evaluates {@code condition} for the person at {@code now}.
   *
   * @param workspaceZone the workspace's time zone ({@link
   *     io.herald.segments.api.condition.ZoneChoice#WORKSPACE}, and the fallback for people without
   *     a valid {@code timezone} attribute)
   */
  Evaluation evaluate(Condition condition, PersonFacts facts, Instant now, ZoneId workspaceZone);
}
