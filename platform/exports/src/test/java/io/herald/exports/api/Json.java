package io.herald.exports.api;

import jakarta.json.JsonValue;
import java.io.StringReader;

/** Test helper: JSON text to values (single quotes stand for double quotes). */
final class Json {

  private Json() {}

  static JsonValue value(String json) {
    try (var reader = jakarta.json.Json.createReader(new StringReader(json.replace('\'', '"')))) {
      return reader.readValue();
    }
  }
}
