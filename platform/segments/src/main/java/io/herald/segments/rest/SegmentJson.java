package io.herald.segments.rest;

import io.herald.segments.api.SegmentView;
import io.herald.shared.json.Jsons;
import jakarta.json.JsonObjectBuilder;

/**
 * A segment in the App API's shape: {@code {"id","deduplicate_id","name","description","state",
 * "progress","type","tags","created_at","updated_at"}}. Manual segments are always built ({@code
 * state: finished}, {@code progress: null}); Herald has no segment tags.
 */
final class SegmentJson {

  private SegmentJson() {}

  static JsonObjectBuilder of(SegmentView segment) {
    long updated = segment.updatedAt().getEpochSecond();
    return Jsons.createObjectBuilder()
        .add("id", segment.id())
        .add("deduplicate_id", segment.id() + ":" + updated)
        .add("name", segment.name())
        .add("description", segment.description() == null ? "" : segment.description())
        .add("state", "finished")
        .addNull("progress")
        .add("type", segment.type().wireName())
        .addNull("tags")
        .add("created_at", segment.createdAt().getEpochSecond())
        .add("updated_at", updated);
  }
}
