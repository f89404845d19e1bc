package io.herald.people.rest;

import io.herald.people.api.PersonRef;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /api/v1/merge_customers}: {@code {"primary":{"id"|"email"|"cio_id":
 * "…"},"secondary":{…}}}, exactly one identifier on each side.
 *
 * @param primary the person that remains
 * @param secondary the person merged into it
 */
record MergeRequest(PersonRef primary, PersonRef secondary) {

  /** Parses {@code body}, or lists every problem with the field it concerns. */
  static Parsed parse(JsonObject body) {
    List<String> problems = new ArrayList<>();
    PersonRef primary = side(body, "primary", problems);
    PersonRef secondary = side(body, "secondary", problems);
    return problems.isEmpty()
        ? new Parsed(new MergeRequest(primary, secondary), List.of())
        : new Parsed(null, problems);
  }

  /**
   * A parse outcome: the request, or the problems.
   *
   * @param request the request, {@code null} when there are problems
   * @param problems one message per problem
   */
  record Parsed(MergeRequest request, List<String> problems) {}

  private static PersonRef side(JsonObject body, String field, List<String> problems) {
    JsonValue value = body.get(field);
    if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
      problems.add(field + " must be an object with exactly one of id, email, cio_id");
      return null;
    }
    if (value.asJsonObject().containsKey("phone")) {
      // Customer.io's merge_customers takes id, email or cio_id only.
      problems.add(field + ".phone is not an identifier: use id, email or cio_id");
      return null;
    }
    return PersonRef.fromIdentifiers(value.asJsonObject(), field, problems).orElse(null);
  }
}
