package io.herald.segments.rest;

import io.herald.segments.api.DataSegmentService;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.ConditionJson;
import io.herald.segments.api.condition.InvalidConditionException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /v1/segments/preview}: {@code {"conditions":{…},"sample":10}} ({@code
 * sample} 0 to {@value DataSegmentService#MAX_SAMPLE}, default {@value #DEFAULT_SAMPLE}).
 *
 * @param conditions the tree to count
 * @param sample how many matching people to return
 */
record PreviewRequest(ConditionDocument conditions, int sample) {

  static final int DEFAULT_SAMPLE = 10;

  /**
   * A parse outcome: the request, or the problems.
   *
   * @param request the request, {@code null} when there are problems
   * @param problems one message per problem, each naming the field
   */
  record Parsed(PreviewRequest request, List<String> problems) {}

  static Parsed parse(JsonValue body) {
    if (body.getValueType() != JsonValue.ValueType.OBJECT) {
      return new Parsed(
          null, List.of("request body must be a JSON object: {\"conditions\":{…},\"sample\":10}"));
    }
    JsonObject fields = body.asJsonObject();
    List<String> problems = new ArrayList<>();
    ConditionDocument conditions = null;
    JsonValue conditionsValue = fields.get("conditions");
    if (conditionsValue == null || conditionsValue == JsonValue.NULL) {
      problems.add("conditions is required");
    } else {
      try {
        conditions = ConditionJson.parse(conditionsValue);
      } catch (InvalidConditionException e) {
        problems.add(SegmentRequest.conditionsProblem("conditions", e));
      }
    }
    int sample = DEFAULT_SAMPLE;
    JsonValue sampleValue = fields.get("sample");
    if (sampleValue != null && sampleValue != JsonValue.NULL) {
      if (sampleValue instanceof JsonNumber n
          && n.isIntegral()
          && n.longValue() >= 0
          && n.longValue() <= DataSegmentService.MAX_SAMPLE) {
        sample = n.intValue();
      } else {
        problems.add("sample must be a whole number from 0 to " + DataSegmentService.MAX_SAMPLE);
      }
    }
    return problems.isEmpty()
        ? new Parsed(new PreviewRequest(conditions, sample), List.of())
        : new Parsed(null, problems);
  }
}
