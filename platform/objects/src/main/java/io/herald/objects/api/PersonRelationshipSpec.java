package io.herald.objects.api;

import io.herald.people.api.PersonRef;
import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * A relationship from an object to a person, as an object identify's {@code cio_relationships}
 * names it: the person by {@code id}, {@code email} or {@code cio_id}, with relationship
 * attributes.
 *
 * @param person the person
 * @param attributes relationship attributes; empty when none
 */
public record PersonRelationshipSpec(PersonRef person, JsonObject attributes) {

  /** Requires both parts. */
  public PersonRelationshipSpec {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(attributes, "attributes");
  }
}
