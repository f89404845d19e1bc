package io.herald.segments.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /v1/segments}: {@code {"segment":{"name":"…","description":"…"}}}. Only
 * manual segments can be created through the API, so a {@code type} other than {@code manual} is
 * refused. Lengths are the service's to check.
 *
 * @param name the name as sent
 * @param description the description, {@code null} when absent
 */
record CreateSegmentRequest(String name, String description) {

  /**
   * A parse outcome: the request, or the problems.
   *
   * @param request the request, {@code null} when there are problems
   * @param problems one message per problem
   */
  record Parsed(CreateSegmentRequest request, List<String> problems) {}

  static Parsed parse(JsonValue body) {
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
    if (nameValue == null || nameValue == JsonValue.NULL) {
      problems.add("segment.name is required");
    } else if (nameValue instanceof JsonString s) {
      name = s.getString();
    } else {
      problems.add("segment.name must be a string");
    }
    String description = null;
    JsonValue descriptionValue = fields.get("description");
    if (descriptionValue instanceof JsonString s) {
      description = s.getString();
    } else if (descriptionValue != null && descriptionValue != JsonValue.NULL) {
      problems.add("segment.description must be a string");
    }
    JsonValue type = fields.get("type");
    if (type != null
        && type != JsonValue.NULL
        && !(type instanceof JsonString s && s.getString().equals("manual"))) {
      problems.add(
          "segment.type must be manual: data-driven segments cannot be created through the API");
    }
    return problems.isEmpty()
        ? new Parsed(new CreateSegmentRequest(name, description), List.of())
        : new Parsed(null, problems);
  }

  private static Parsed refused(String problem) {
    return new Parsed(null, List.of(problem));
  }
}
