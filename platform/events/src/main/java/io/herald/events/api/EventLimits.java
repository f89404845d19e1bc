package io.herald.events.api;

import jakarta.json.JsonObject;
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
        contentProblems(event.name(), event.dedupeId(), utf8Length(event.dataJson()));
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
    return contentProblems(name, dedupeId, utf8Length(data.toString()));
  }

  private static List<String> contentProblems(String name, String dedupeId, int dataBytes) {
    List<String> problems = new ArrayList<>();
    if (name.isBlank()) {
      problems.add("name: required and must not be blank");
    } else if (utf8Length(name) > MAX_NAME_BYTES) {
      problems.add("name: longer than " + MAX_NAME_BYTES + " bytes");
    }
    if (dedupeId != null && (dedupeId.isBlank() || utf8Length(dedupeId) > MAX_ID_BYTES)) {
      problems.add("id: must be 1 to " + MAX_ID_BYTES + " bytes");
    }
    if (dataBytes > MAX_DATA_BYTES) {
      problems.add("data: larger than " + MAX_DATA_BYTES + " bytes");
    }
    return problems;
  }

  private static void checkId(String value, String field, List<String> problems) {
    if (value.isBlank() || utf8Length(value) > MAX_ID_BYTES) {
      problems.add(field + ": must be 1 to " + MAX_ID_BYTES + " bytes");
    }
  }

  /**
   * The length of {@code s} in UTF-8, as {@code s.getBytes(UTF_8).length} counts it (a lone
   * surrogate is one byte, the {@code ?} it becomes), without encoding it.
   */
  static int utf8Length(String s) {
    int bytes = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else if (Character.isSurrogate(c)) {
        bytes++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
