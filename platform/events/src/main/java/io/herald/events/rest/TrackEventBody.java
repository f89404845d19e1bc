package io.herald.events.rest;

import io.herald.events.api.EventLimits;
import io.herald.events.api.EventSubject;
import io.herald.events.api.EventType;
import io.herald.events.api.NewEvent;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A Track API v1 event body ({@code name}, {@code type}, {@code id}, {@code timestamp}, {@code
 * data}) read with Customer.io's rules: the name is trimmed, the type defaults to {@code event},
 * the timestamp is Unix seconds and defaults to the receipt time.
 *
 * @param problems what stops the event, each naming the field; empty when it is acceptable
 */
record TrackEventBody(
    String name,
    EventType type,
    String id,
    Instant occurredAt,
    JsonObject data,
    List<String> problems) {

  /** Timestamps above this are milliseconds sent by mistake (year 2286 in seconds). */
  static final long MAX_UNIX_SECONDS = 9_999_999_999L;

  /** The event about {@code subject}; only when there are no problems. */
  NewEvent about(EventSubject subject, String source) {
    if (!problems.isEmpty()) {
      throw new IllegalStateException("invalid event: " + problems);
    }
    return new NewEvent(subject, name, type, id, occurredAt, data, null, source);
  }

  static TrackEventBody parse(JsonObject body, Instant now) {
    List<String> problems = new ArrayList<>();
    String name = string(body, "name", problems);
    if (name == null && problems.stream().noneMatch(p -> p.startsWith("name:"))) {
      problems.add("name: required");
    }
    EventType type = EventType.EVENT;
    String typeText = string(body, "type", problems);
    if (typeText != null) {
      type = EventType.fromWire(typeText).orElse(null);
      if (type == null) {
        problems.add("type: must be one of event, page, screen");
      }
    }
    String id = string(body, "id", problems);
    Instant occurredAt = timestamp(body, now, problems);
    JsonObject data = JsonValue.EMPTY_JSON_OBJECT;
    JsonValue rawData = body.get("data");
    if (rawData != null && rawData.getValueType() != JsonValue.ValueType.NULL) {
      if (rawData.getValueType() == JsonValue.ValueType.OBJECT) {
        data = rawData.asJsonObject();
      } else {
        problems.add("data: must be an object");
      }
    }
    String trimmed = name == null ? null : name.trim();
    if (trimmed != null) {
      problems.addAll(EventLimits.contentProblems(trimmed, id, data));
    }
    return new TrackEventBody(trimmed, type, id, occurredAt, data, List.copyOf(problems));
  }

  /** A string member, {@code null} when absent or JSON null; a problem when another type. */
  static String string(JsonObject body, String field, List<String> problems) {
    JsonValue value = body.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      problems.add(field + ": must be a string");
      return null;
    }
    return ((JsonString) value).getString();
  }

  private static Instant timestamp(JsonObject body, Instant now, List<String> problems) {
    JsonValue value = body.get("timestamp");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return now;
    }
    if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()) {
      problems.add("timestamp: must be a whole number of Unix seconds");
      return now;
    }
    long seconds = ((JsonNumber) value).longValue();
    if (seconds < 0 || seconds > MAX_UNIX_SECONDS) {
      problems.add("timestamp: must be Unix seconds (not milliseconds), 0 to " + MAX_UNIX_SECONDS);
      return now;
    }
    return Instant.ofEpochSecond(seconds);
  }
}
