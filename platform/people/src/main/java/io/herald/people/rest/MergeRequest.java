package io.herald.people.rest;

import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    JsonObject identifiers = value.asJsonObject();
    if (identifiers.size() != 1) {
      problems.add(field + " must have exactly one of id, email, cio_id");
      return null;
    }
    Map.Entry<String, JsonValue> only = identifiers.entrySet().iterator().next();
    IdType type =
        switch (only.getKey()) {
          case "id" -> IdType.ID;
          case "email" -> IdType.EMAIL;
          case "cio_id" -> IdType.CIO_ID;
          default -> null;
        };
    if (type == null) {
      problems.add(field + "." + only.getKey() + " is not an identifier: use id, email or cio_id");
      return null;
    }
    String text;
    if (only.getValue() instanceof JsonString s) {
      text = s.getString().trim();
    } else if (only.getValue() instanceof JsonNumber n && n.isIntegral() && type == IdType.ID) {
      text = n.bigIntegerValue().toString();
    } else {
      problems.add(field + "." + only.getKey() + " must be a string");
      return null;
    }
    PersonRef ref = new PersonRef(type, text);
    if (!ref.wellFormed()) {
      problems.add(field + "." + only.getKey() + " must be 1 to " + PersonRef.MAX_BYTES + " bytes");
      return null;
    }
    return ref;
  }
}
