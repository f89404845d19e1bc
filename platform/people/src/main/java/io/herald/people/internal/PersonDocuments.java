package io.herald.people.internal;

import io.herald.people.api.PersonView;
import io.herald.shared.json.Jsons;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A person's stored JSON documents ({@code attributes}, {@code attribute_timestamps}) read back,
 * and the view built from a person's stored columns.
 */
final class PersonDocuments {

  private PersonDocuments() {}

  /** A stored JSON object. */
  static JsonObject object(String json) {
    try (var reader = Jsons.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  /** The stored attribute timestamps: attribute name to Unix second, in stored order. */
  static Map<String, Long> times(String json) {
    Map<String, Long> times = new LinkedHashMap<>();
    object(json).forEach((k, v) -> times.put(k, ((JsonNumber) v).longValue()));
    return times;
  }

  /**
   * The view of a person from its stored columns ({@code attributes} and {@code timestamps} as
   * stored: JSON objects), as {@link Person#view()} gives it for the entity.
   */
  static PersonView view(
      String cioId,
      String customerId,
      String email,
      String attributes,
      String timestamps,
      boolean unsubscribed,
      Instant createdAt,
      Instant updatedAt) {
    return new PersonView(
        cioId,
        customerId,
        email,
        object(attributes),
        times(timestamps),
        unsubscribed,
        createdAt,
        updatedAt);
  }
}
