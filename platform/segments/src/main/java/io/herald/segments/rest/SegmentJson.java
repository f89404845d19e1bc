package io.herald.segments.rest;

import io.herald.segments.api.SegmentView;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.ConditionJson;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;

/**
 * A segment in the App API's shape: {@code {"id","deduplicate_id","name","description","state",
 * "progress","type","tags","created_at","updated_at"}}, plus Herald's {@code conditions} for a data
 * segment ({@code type: dynamic}) when asked. {@code state} is {@code finished}, or {@code
 * building} while a data segment is computed in full; {@code progress} is always {@code null};
 * Herald has no segment tags.
 */
final class SegmentJson {

  private SegmentJson() {}

  static JsonObjectBuilder of(SegmentView segment) {
    long updated = segment.updatedAt().getEpochSecond();
    return Json.createObjectBuilder()
        .add("id", segment.id())
        .add("deduplicate_id", segment.id() + ":" + updated)
        .add("name", segment.name())
        .add("description", segment.description() == null ? "" : segment.description())
        .add("state", segment.state().wireName())
        .addNull("progress")
        .add("type", segment.type().wireName())
        .addNull("tags")
        .add("created_at", segment.createdAt().getEpochSecond())
        .add("updated_at", updated);
  }

  /** The segment with its conditions, when it has some. */
  static JsonObjectBuilder of(SegmentView segment, Optional<ConditionDocument> conditions) {
    JsonObjectBuilder json = of(segment);
    conditions.ifPresent(c -> json.add("conditions", ConditionJson.toJson(c)));
    return json;
  }
}
