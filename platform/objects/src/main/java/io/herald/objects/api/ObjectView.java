package io.herald.objects.api;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Map;

/**
 * A custom object.
 *
 * @param identifiers its type, object id and cio_object_id
 * @param attributes attribute values as sent (JSON types kept)
 * @param timestamps Unix seconds at which each attribute was last set
 * @param createdAt when Herald created it
 * @param updatedAt last change of its attributes
 */
public record ObjectView(
    ObjectIdentifiers identifiers,
    JsonObject attributes,
    Map<String, Long> timestamps,
    Instant createdAt,
    Instant updatedAt) {

  /** Copies the map. */
  public ObjectView {
    timestamps = Map.copyOf(timestamps);
  }
}
