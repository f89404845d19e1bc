package io.herald.segments.rest;

import io.herald.segments.api.SegmentType;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.ConditionJson;
import io.herald.segments.api.condition.InvalidConditionException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /v1/segments} and {@code PUT /v1/segments/{id}}: {@code
 * {"segment":{"name","description","type","conditions"}}}. On create, {@code type} is {@code
 * manual} (the default without conditions, Customer.io's only kind) or {@code dynamic} (the default
 * with conditions; Herald's data segments, which need {@code conditions}). On update every field is
 * optional and the ones given replace the stored ones. Lengths are the service's to check; trees
 * against the workspace (segment leaves) too.
 *
 * @param name the name as sent, {@code null} when absent
 * @param descriptionGiven whether {@code description} was sent (on update, {@code null} clears it)
 * @param description the description, {@code null} when absent or null
 * @param type the kind of segment (on update: {@code null} unless sent)
 * @param conditions the parsed conditions, {@code null} when absent
 */
record SegmentRequest(
    String name,
    boolean descriptionGiven,
    String description,
    SegmentType type,
    ConditionDocument conditions) {

  /**
   * A parse outcome: the request, or the problems.
   *
   * @param request the request, {@code null} when there are problems
   * @param problems one message per problem, each naming the field
   */
  record Parsed(SegmentRequest request, List<String> problems) {}

  /** Reads a create body. */
  static Parsed create(JsonValue body) {
    return parse(body, true);
  }

  /** Reads an update body. */
  static Parsed update(JsonValue body) {
    return parse(body, false);
  }

  private static Parsed parse(JsonValue body, boolean create) {
    if (body.getValueType() != JsonValue.ValueType.OBJECT) {
      return refused("request body must be a JSON object: {\"segment\":{\"name\":…}}");
    }
    JsonValue segment = body.asJsonObject().get("segment");
    if (segment == null || segment == JsonValue.NULL) {
      return refused("segment is required: {\"segment\":{\"name\":…}}");
    }
    if (segment.getValueType() != JsonValue.ValueType.OBJECT) {
      return refused("segment must be an object");
    }
    JsonObject fields = segment.asJsonObject();
    List<String> problems = new ArrayList<>();
    String name = null;
    JsonValue nameValue = fields.get("name");
    if (nameValue instanceof JsonString s) {
      name = s.getString();
    } else if (nameValue != null && nameValue != JsonValue.NULL) {
      problems.add("segment.name must be a string");
    } else if (create || nameValue != null) {
      problems.add("segment.name is required");
    }
    String description = null;
    JsonValue descriptionValue = fields.get("description");
    if (descriptionValue instanceof JsonString s) {
      description = s.getString();
    } else if (descriptionValue != null && descriptionValue != JsonValue.NULL) {
      problems.add("segment.description must be a string");
    }
    SegmentType type = null;
    JsonValue typeValue = fields.get("type");
    if (typeValue instanceof JsonString s && s.getString().equals("manual") && create) {
      type = SegmentType.MANUAL;
    } else if (typeValue instanceof JsonString s && s.getString().equals("dynamic")) {
      type = SegmentType.DATA;
    } else if (typeValue != null && typeValue != JsonValue.NULL) {
      problems.add(
          create
              ? "segment.type must be manual or dynamic"
              : "segment.type must be dynamic: a segment's type cannot change");
    }
    ConditionDocument conditions = null;
    JsonValue conditionsValue = fields.get("conditions");
    if (conditionsValue != null && conditionsValue != JsonValue.NULL) {
      try {
        conditions = ConditionJson.parse(conditionsValue);
      } catch (InvalidConditionException e) {
        problems.add(conditionsProblem("segment.conditions", e));
      }
    }
    if (create) {
      if (type == null) {
        type =
            conditionsValue == null || conditionsValue == JsonValue.NULL
                ? SegmentType.MANUAL
                : SegmentType.DATA;
      }
      if (type == SegmentType.MANUAL
          && conditionsValue != null
          && conditionsValue != JsonValue.NULL) {
        problems.add("segment.conditions: a manual segment has no conditions (send type dynamic)");
      }
      if (type == SegmentType.DATA
          && (conditionsValue == null || conditionsValue == JsonValue.NULL)) {
        problems.add("segment.conditions is required for a dynamic segment");
      }
    } else if (nameValue == null && descriptionValue == null && conditionsValue == null) {
      problems.add("segment must have name, description or conditions to change");
    } else if (conditionsValue == JsonValue.NULL) {
      problems.add("segment.conditions must not be null: a dynamic segment needs conditions");
    }
    return problems.isEmpty()
        ? new Parsed(
            new SegmentRequest(name, descriptionValue != null, description, type, conditions),
            List.of())
        : new Parsed(null, problems);
  }

  /** {@code <field>: <path>: <reason>}, the App API message of an invalid tree. */
  static String conditionsProblem(String field, InvalidConditionException e) {
    return field + ": " + e.path() + ": " + e.reason();
  }

  private static Parsed refused(String problem) {
    return new Parsed(null, List.of(problem));
  }
}
