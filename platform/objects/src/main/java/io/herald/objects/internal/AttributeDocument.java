package io.herald.objects.internal;

import io.herald.objects.api.AttributeLimits;
import io.herald.objects.api.InvalidObjectDataException;
import io.herald.shared.json.Jsons;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An attribute document and the Unix second each attribute was last set: applying changes removes
 * attributes given {@code null} or {@code ""}, sets the others, and keeps the timestamp of a value
 * rewritten unchanged. The result must stay within {@link AttributeLimits} for whole documents.
 *
 * @param values attribute values
 * @param times Unix seconds of the last change of each attribute
 */
record AttributeDocument(Map<String, JsonValue> values, Map<String, Long> times) {

  /** Copies the maps, keeping their order. */
  AttributeDocument {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    times = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(times));
  }

  static AttributeDocument empty() {
    return new AttributeDocument(Map.of(), Map.of());
  }

  /** Reads the stored JSON texts. */
  static AttributeDocument read(String valuesJson, String timesJson) {
    Map<String, Long> times = new LinkedHashMap<>();
    readObject(timesJson).forEach((k, v) -> times.put(k, ((JsonNumber) v).longValue()));
    return new AttributeDocument(readObject(valuesJson), times);
  }

  /**
   * This document with {@code changes} applied at {@code stamp}.
   *
   * @param field where the document is, for messages ({@code attributes})
   * @throws InvalidObjectDataException when the result breaks a document limit
   */
  AttributeDocument apply(JsonObject changes, long stamp, String field) {
    Map<String, JsonValue> newValues = new LinkedHashMap<>(values);
    Map<String, Long> newTimes = new LinkedHashMap<>(times);
    changes.forEach(
        (name, value) -> {
          if (AttributeLimits.isRemoval(value)) {
            newValues.remove(name);
            newTimes.remove(name);
          } else if (!value.equals(newValues.get(name))) {
            newValues.put(name, value);
            newTimes.put(name, stamp);
          }
        });
    AttributeDocument result = new AttributeDocument(newValues, newTimes);
    List<InvalidObjectDataException.Problem> problems =
        AttributeLimits.checkDocument(result.json(), field);
    if (!problems.isEmpty()) {
      throw new InvalidObjectDataException(problems);
    }
    return result;
  }

  /** The values as a JSON object. */
  JsonObject json() {
    JsonObjectBuilder builder = Jsons.createObjectBuilder();
    values.forEach(builder::add);
    return builder.build();
  }

  String valuesJson() {
    return json().toString();
  }

  String timesJson() {
    JsonObjectBuilder builder = Jsons.createObjectBuilder();
    times.forEach(builder::add);
    return builder.build().toString();
  }

  static JsonObject readObject(String json) {
    try (var reader = Jsons.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
