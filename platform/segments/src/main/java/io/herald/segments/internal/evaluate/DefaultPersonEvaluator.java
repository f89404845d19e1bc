package io.herald.segments.internal.evaluate;

import io.herald.segments.api.condition.Condition;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The in-memory evaluator: walks the tree once over what is known about the person, per the
 * semantics written in {@link io.herald.segments.api.condition}, and computes when the result can
 * next change with no new data (see {@link Evaluation#recheckAt()}). Stateless.
 */
@ApplicationScoped
public class DefaultPersonEvaluator implements PersonEvaluator {

  @Override
  public Evaluation evaluate(
      Condition condition, PersonFacts facts, Instant now, ZoneId workspaceZone) {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(facts, "facts");
    EvaluationContext context = EvaluationContext.of(now, workspaceZone, facts.attributes());
    return new ConditionWalker(new LeafEvaluator(facts, context)).evaluate(condition);
  }
}
