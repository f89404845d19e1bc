package io.herald.segments.internal;

import io.herald.segments.api.SegmentType;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.segments.api.condition.ConditionJson;
import java.lang.reflect.Field;
import java.time.Instant;

/** Segment entities as the database would return them (with their generated ids), for tests. */
final class Segments {

  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private Segments() {}

  static Segment manual(long workspaceId, long id) {
    return withId(new Segment(workspaceId, "manual " + id, null, SegmentType.MANUAL, NOW), id);
  }

  static Segment data(long workspaceId, long id, ConditionDocument conditions) {
    return withId(
        Segment.data(
            workspaceId,
            "data " + id,
            null,
            ConditionJson.toJson(conditions).toString(),
            conditions.version(),
            NOW),
        id);
  }

  static Segment withId(Segment segment, long id) {
    try {
      Field field = Segment.class.getDeclaredField("id");
      field.setAccessible(true);
      field.set(segment, id);
      return segment;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
