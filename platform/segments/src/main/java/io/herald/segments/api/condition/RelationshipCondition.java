package io.herald.segments.api.condition;

import java.util.List;
import java.util.Objects;

/**
 * Leaf: the person is related to at least one object of type {@code objectTypeId} whose attributes
 * match every {@code object} filter and whose relationship to the person matches every {@code
 * relationship} filter (the same object must satisfy both; with no filters, any object of the
 * type). Filters name top-level keys and follow {@link Operator}'s rules.
 *
 * @param objectTypeId the object type ({@code "1"}, {@code "2"}, …)
 * @param object filters on the object's attributes
 * @param relationship filters on the relationship's attributes
 */
public record RelationshipCondition(
    String objectTypeId, List<PropertyMatch> object, List<PropertyMatch> relationship)
    implements Condition {
  /** Requires the type; copies the filters. */
  public RelationshipCondition {
    Objects.requireNonNull(objectTypeId, "objectTypeId");
    object = List.copyOf(object);
    relationship = List.copyOf(relationship);
  }
}
