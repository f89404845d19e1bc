package io.herald.ingest.internal;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/** Reading typed members of a message, each wrong type becoming a problem naming the field. */
final class Fields {

  private Fields() {}

  /**
   * A string member ({@code userId} may also be a number, as Segment allows), {@code null} when
   * absent, JSON null or empty.
   */
  static String string(JsonObject object, String field, List<String> problems) {
    JsonValue value = object.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() == JsonValue.ValueType.NUMBER
        && (field.equals("userId") || field.equals("anonymousId") || field.equals("previousId"))) {
      return ((JsonNumber) value).bigDecimalValue().toPlainString();
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      problems.add(field + ": must be a string");
      return null;
    }
    String text = ((JsonString) value).getString();
    return text.isEmpty() ? null : text;
  }

  /** An object member; empty when absent or JSON null. */
  static JsonObject object(JsonObject object, String field, List<String> problems) {
    JsonValue value = object.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      problems.add(field + ": must be an object");
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    return value.asJsonObject();
  }
}
