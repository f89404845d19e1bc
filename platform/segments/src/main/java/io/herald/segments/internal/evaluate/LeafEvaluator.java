package io.herald.segments.internal.evaluate;

import io.herald.segments.api.condition.AttributeCondition;
import io.herald.segments.api.condition.DeviceCondition;
import io.herald.segments.api.condition.EngagementCondition;
import io.herald.segments.api.condition.EventCondition;
import io.herald.segments.api.condition.PropertyMatch;
import io.herald.segments.api.condition.RelationshipCondition;
import io.herald.segments.api.condition.SegmentCondition;
import io.herald.segments.internal.evaluate.PersonFacts.DeviceFact;
import io.herald.segments.internal.evaluate.PersonFacts.EngagementFact;
import io.herald.segments.internal.evaluate.PersonFacts.EventFact;
import io.herald.segments.internal.evaluate.PersonFacts.RelationshipFact;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Evaluates the leaves of a condition tree for one person. */
final class LeafEvaluator {

  private final PersonFacts facts;
  private final EvaluationContext context;

  LeafEvaluator(PersonFacts facts, EvaluationContext context) {
    this.facts = facts;
    this.context = context;
  }

  /** A person attribute matches. */
  Evaluation attribute(AttributeCondition leaf) {
    return ValueMatcher.match(leaf.match(), facts.attributes().get(leaf.attribute()), context);
  }

  /**
   * Events of the name, matching the filters, counted in the window; negated when not performed.
   */
  Evaluation event(EventCondition leaf) {
    List<WindowCount.Occurrence> occurrences = new ArrayList<>();
    for (EventFact event : facts.events()) {
      if (leaf.name().equals(event.name())) {
        occurrences.add(
            new WindowCount.Occurrence(event.occurredAt(), filters(leaf.where(), event.data())));
      }
    }
    Evaluation performed =
        WindowCount.evaluate(occurrences, leaf.window(), leaf.count(), context.now());
    return leaf.performed() ? performed : Verdicts.not(performed);
  }

  /** Engagements of the metric, for the message or campaign, counted in the window. */
  Evaluation engagement(EngagementCondition leaf) {
    List<WindowCount.Occurrence> occurrences = new ArrayList<>();
    for (EngagementFact engagement : facts.engagements()) {
      if (engagement.metric() == leaf.metric()
          && (leaf.messageId() == null || leaf.messageId().equals(engagement.messageId()))
          && (leaf.campaignId() == null || leaf.campaignId().equals(engagement.campaignId()))) {
        occurrences.add(
            new WindowCount.Occurrence(engagement.occurredAt(), Verdicts.settled(true)));
      }
    }
    return WindowCount.evaluate(occurrences, leaf.window(), leaf.count(), context.now());
  }

  /** Some related object of the type matches its filters and its relationship's. */
  Evaluation relationship(RelationshipCondition leaf) {
    List<RelationshipFact> ofType =
        facts.relationships().stream()
            .filter(r -> leaf.objectTypeId().equals(r.objectTypeId()))
            .toList();
    return Verdicts.any(
        ofType,
        r ->
            Verdicts.all(
                List.<Supplier<Evaluation>>of(
                    () -> filters(leaf.object(), r.objectAttributes()),
                    () -> filters(leaf.relationship(), r.relationshipAttributes())),
                Supplier::get));
  }

  /** The person is a member of the segment. */
  Evaluation segment(SegmentCondition leaf) {
    return Verdicts.settled(facts.segments().contains(leaf.segmentId()));
  }

  /** The person has a device of the platform with the push state. */
  Evaluation device(DeviceCondition leaf) {
    for (DeviceFact device : facts.devices()) {
      if ((leaf.platform() == null || leaf.platform().equals(device.platform()))
          && (leaf.pushEnabled() == null || leaf.pushEnabled() == device.pushEnabled())) {
        return Verdicts.settled(true);
      }
    }
    return Verdicts.settled(false);
  }

  /** Every filter matches its property of {@code document} (a missing document is empty). */
  private Evaluation filters(List<PropertyMatch> filters, JsonObject document) {
    return Verdicts.all(
        filters,
        f ->
            ValueMatcher.match(
                f.match(), document == null ? null : document.get(f.property()), context));
  }
}
