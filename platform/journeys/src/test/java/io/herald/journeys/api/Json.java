package io.herald.journeys.api;

import io.herald.shared.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Test helper: JSON text to values (single quotes stand for double quotes). */
public final class Json {

  private Json() {}

  public static JsonValue value(String json) {
    try (var reader = Jsons.createReader(new StringReader(json.replace('\'', '"')))) {
      return reader.readValue();
    }
  }

  public static JsonObject object(String json) {
    return value(json).asJsonObject();
  }
}
