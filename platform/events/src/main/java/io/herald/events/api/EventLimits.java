package io.herald.events.api;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Customer.io's event limits, checked before anything is written. */
public final class EventLimits {

  /** Longest event name, in UTF-8 bytes. */
  public static final int MAX_NAME_BYTES = 100;

  /** Longest event id (dedupe id), anonymous id or object id, in UTF-8 bytes. */
  public static final int MAX_ID_BYTES = 150;

  /** Largest event data document, in UTF-8 bytes of its JSON. */
  public static final int MAX_DATA_BYTES = 100_000;

  private EventLimits() {}

  /** What is wrong with {@code event}, each naming the field; empty when it is acceptable. */
  public static List<String> problems(NewEvent event) {
    List<String> problems =
        new ArrayList<>(contentProblems(event.name(), event.dedupeId(), event.data()));
    if (event.subject() instanceof EventSubject.Anonymous a) {
      if (a.anonymousId().isEmpty()) {
        if (!event.data().containsKey("recipient")) {
          problems.add("anonymous_id: required unless data.recipient names an invitee");
        }
      } else {
        checkId(a.anonymousId(), "anonymous_id", problems);
      }
    } else if (event.subject() instanceof EventSubject.CustomObject o) {
      checkId(o.objectTypeId(), "object_type_id", problems);
      checkId(o.objectId(), "object_id", problems);
    }
    return problems;
  }

  /**
   * What is wrong with an event's name, id ({@code null} when none) and data, whoever it is about.
   */
  public static List<String> contentProblems(String name, String dedupeId, JsonObject data) {
    List<String> problems = new ArrayList<>();
    if (name.isBlank()) {
      problems.add("name: required and must not be blank");
    } else if (bytes(name) > MAX_NAME_BYTES) {
      problems.add("name: longer than " + MAX_NAME_BYTES + " bytes");
    }
    if (dedupeId != null && (dedupeId.isBlank() || bytes(dedupeId) > MAX_ID_BYTES)) {
      problems.add("id: must be 1 to " + MAX_ID_BYTES + " bytes");
    }
    if (dataBytes(data) > MAX_DATA_BYTES) {
      problems.add("data: larger than " + MAX_DATA_BYTES + " bytes");
    }
    return problems;
  }

  private static void checkId(String value, String field, List<String> problems) {
    if (value.isBlank() || bytes(value) > MAX_ID_BYTES) {
      problems.add(field + ": must be 1 to " + MAX_ID_BYTES + " bytes");
    }
  }

  private static int dataBytes(JsonObject data) {
    return bytes(data.toString());
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
