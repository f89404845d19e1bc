package io.herald.messaging.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON objects kept in text columns as Java maps: a provider's answer ({@code
 * messaging_delivery.response}) and a transactional message's channel fields ({@code
 * messaging_transactional.channel_content}).
 */
final class Responses {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private Responses() {}

  /** The object as JSON, null for an empty or absent one (nothing to keep). */
  static String toJson(Map<String, ?> value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not representable as JSON", e);
    }
  }

  /** The stored object, empty for NULL. */
  static Map<String, Object> fromJson(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored JSON object is not readable", e);
    }
  }
}
