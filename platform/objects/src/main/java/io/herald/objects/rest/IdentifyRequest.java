package io.herald.objects.rest;

import io.herald.objects.api.AttributeLimits;
import io.herald.objects.api.CioRelationships;
import io.herald.objects.api.InvalidObjectDataException;
import io.herald.objects.api.InvalidObjectDataException.Problem;
import io.herald.objects.api.ObjectRef;
import io.herald.objects.api.PersonRelationshipSpec;
import io.herald.objects.api.RelationshipSpec;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A parsed body of Herald's {@code PUT /v1/objects/{object_type_id}/{object_id}}.
 *
 * @param attributes attribute changes
 * @param people relationships to people
 * @param children relationships to child objects
 */
record IdentifyRequest(
    JsonObject attributes, List<PersonRelationshipSpec> people, List<RelationshipSpec> children) {

  private static final Set<String> KEYS =
      Set.of("attributes", "cio_relationships", "object_relationships");

  /**
   * Parses {@code body} for the object {@code self}.
   *
   * @throws InvalidObjectDataException listing every problem with its field
   */
  static IdentifyRequest parse(JsonObject body, ObjectRef self) {
    List<Problem> problems = new ArrayList<>();
    for (String key : body.keySet()) {
      if (!KEYS.contains(key)) {
        problems.add(
            new Problem(
                key, "is not known; use attributes, cio_relationships, object_relationships"));
      }
    }
    JsonObject attributes = JsonValue.EMPTY_JSON_OBJECT;
    JsonValue given = body.get("attributes");
    if (given instanceof JsonObject a) {
      attributes = a;
      problems.addAll(AttributeLimits.checkChanges(a, "attributes"));
    } else if (given != null) {
      problems.add(new Problem("attributes", "must be an object"));
    }
    List<PersonRelationshipSpec> people = List.of();
    List<RelationshipSpec> children = List.of();
    try {
      if (body.containsKey("cio_relationships")) {
        people = CioRelationships.people(body.get("cio_relationships"), "cio_relationships");
      }
    } catch (InvalidObjectDataException e) {
      problems.addAll(e.problems());
    }
    try {
      if (body.containsKey("object_relationships")) {
        children =
            CioRelationships.objects(body.get("object_relationships"), "object_relationships");
      }
    } catch (InvalidObjectDataException e) {
      problems.addAll(e.problems());
    }
    for (int i = 0; i < children.size(); i++) {
      if (children.get(i).object().equals(self)) {
        problems.add(
            new Problem(
                "object_relationships[" + i + "].identifiers",
                "an object cannot be related to itself"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidObjectDataException(problems);
    }
    return new IdentifyRequest(attributes, people, children);
  }
}
