package io.herald.people.api;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Map;

/**
 * A person's profile.
 *
 * @param cioId Herald's stable id
 * @param id the customer's id, {@code null} when not set
 * @param email email as last given, {@code null} when not set
 * @param attributes attribute values as sent (JSON types kept)
 * @param timestamps Unix seconds at which each attribute (and identifier) was last set
 * @param unsubscribed global unsubscribe flag
 * @param createdAt when Herald created the profile
 * @param updatedAt last change
 */
public record PersonView(
    String cioId,
    String id,
    String email,
    JsonObject attributes,
    Map<String, Long> timestamps,
    boolean unsubscribed,
    Instant createdAt,
    Instant updatedAt) {

  /** Copies the map. */
  public PersonView {
    timestamps = Map.copyOf(timestamps);
  }
}
