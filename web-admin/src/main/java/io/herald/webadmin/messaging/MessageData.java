package io.herald.webadmin.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code message_data} the preview form takes: a JSON object whose values become Liquid's
 * {@code trigger} variables (objects as maps, arrays as lists, numbers, strings, booleans).
 */
final class MessageData {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT =
      new TypeReference<>() {};

  private MessageData() {}

  /**
   * Reads {@code text}; blank is no data.
   *
   * @throws IllegalArgumentException saying why it is not a JSON object
   */
  static Map<String, Object> parse(String text) {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    String trimmed = text.trim();
    if (!trimmed.startsWith("{")) {
      throw new IllegalArgumentException("message_data must be a JSON object, like {\"a\": 1}");
    }
    try {
      return JSON.readValue(trimmed, OBJECT);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "message_data is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    }
  }
}
