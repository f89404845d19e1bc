package io.herald.objects.api;

import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * A relationship to add (or, with empty attributes, to name for removal) towards an object, with
 * the relationship's own attributes ({@code null} or {@code ""} values remove an attribute of an
 * existing relationship).
 *
 * @param object the related object
 * @param attributes relationship attributes; empty when none
 */
public record RelationshipSpec(ObjectRef object, JsonObject attributes) {

  /** Requires both parts. */
  public RelationshipSpec {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(attributes, "attributes");
  }
}
