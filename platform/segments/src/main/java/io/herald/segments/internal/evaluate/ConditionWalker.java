package io.herald.segments.internal.evaluate;

import io.herald.segments.api.condition.All;
import io.herald.segments.api.condition.Any;
import io.herald.segments.api.condition.AttributeCondition;
import io.herald.segments.api.condition.Condition;
import io.herald.segments.api.condition.DeviceCondition;
import io.herald.segments.api.condition.EngagementCondition;
import io.herald.segments.api.condition.EventCondition;
import io.herald.segments.api.condition.Not;
import io.herald.segments.api.condition.RelationshipCondition;
import io.herald.segments.api.condition.SegmentCondition;

/**
 * Walks a condition tree: groups through {@link Verdicts}, leaves through a {@link LeafEvaluator}.
 */
final class ConditionWalker {

  private final LeafEvaluator leaves;

  ConditionWalker(LeafEvaluator leaves) {
    this.leaves = leaves;
  }

  /** Evaluates {@code condition} and everything under it. */
  Evaluation evaluate(Condition condition) {
    if (condition instanceof All all) {
      return Verdicts.all(all.conditions(), this::evaluate);
    } else if (condition instanceof Any any) {
      return Verdicts.any(any.conditions(), this::evaluate);
    } else if (condition instanceof Not not) {
      return Verdicts.not(evaluate(not.condition()));
    } else if (condition instanceof AttributeCondition attribute) {
      return leaves.attribute(attribute);
    } else if (condition instanceof EventCondition event) {
      return leaves.event(event);
    } else if (condition instanceof EngagementCondition engagement) {
      return leaves.engagement(engagement);
    } else if (condition instanceof RelationshipCondition relationship) {
      return leaves.relationship(relationship);
    } else if (condition instanceof SegmentCondition segment) {
      return leaves.segment(segment);
    } else if (condition instanceof DeviceCondition device) {
      return leaves.device(device);
    }
    throw new IllegalArgumentException("unknown condition " + condition.getClass().getName());
  }
}
