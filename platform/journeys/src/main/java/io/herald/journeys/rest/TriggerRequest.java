package io.herald.journeys.rest;

import io.herald.journeys.api.ApiTrigger;
import io.herald.journeys.api.InvalidJourneyException;
import io.herald.people.api.IdType;
import io.herald.people.api.PersonRef;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads Customer.io's {@code POST /v1/campaigns/{id}/triggers} body (API-COMPAT B.3): {@code data}
 * and exactly one audience form: {@code recipients} ({@code {"segment":{"id":N}}}), {@code ids},
 * {@code emails} or {@code per_user_data}, with {@code id_ignore_missing} / {@code
 * email_ignore_missing}. {@code data_file_url} and attribute filters in {@code recipients} are
 * refused with a 400 naming them.
 */
final class TriggerRequest {

  /** Most people one call may name. */
  static final int MAX_PEOPLE = 10_000;

  private static final Set<String> FIELDS =
      Set.of(
          "data",
          "recipients",
          "ids",
          "emails",
          "per_user_data",
          "data_file_url",
          "id_ignore_missing",
          "email_ignore_missing",
          "email_add_duplicates");

  private TriggerRequest() {}

  static ApiTrigger parse(JsonObject body) {
    List<String> problems = new ArrayList<>();
    for (String key : body.keySet()) {
      if (!FIELDS.contains(key)) {
        problems.add(key + ": unknown field");
      }
    }
    JsonObject data = JsonValue.EMPTY_JSON_OBJECT;
    JsonValue d = body.get("data");
    if (d != null && d.getValueType() != JsonValue.ValueType.NULL) {
      if (d instanceof JsonObject o) {
        data = o;
      } else {
        problems.add("data: must be an object");
      }
    }
    boolean ignoreIds = flag(body, "id_ignore_missing", problems);
    boolean ignoreEmails = flag(body, "email_ignore_missing", problems);
    flag(body, "email_add_duplicates", problems);
    List<String> forms = new ArrayList<>();
    for (String form : List.of("recipients", "ids", "emails", "per_user_data", "data_file_url")) {
      if (body.containsKey(form)) {
        forms.add(form);
      }
    }
    if (forms.size() != 1) {
      problems.add(
          "exactly one of recipients, ids, emails, per_user_data is required"
              + (forms.isEmpty() ? "" : "; got " + String.join(", ", forms)));
      throw new InvalidJourneyException(problems);
    }
    List<ApiTrigger.Recipient> people = new ArrayList<>();
    Long segment = null;
    boolean ignore = false;
    switch (forms.get(0)) {
      case "recipients":
        if (body.get("recipients") instanceof JsonObject r
            && r.size() == 1
            && r.get("segment") instanceof JsonObject s
            && s.get("id") instanceof JsonNumber n
            && n.isIntegral()
            && n.longValue() > 0) {
          segment = n.longValue();
        } else {
          problems.add(
              "recipients: only {\"segment\":{\"id\":N}} is supported (attribute filters are not)");
        }
        break;
      case "ids":
        ignore = ignoreIds;
        JsonArray ids = list(body, "ids", problems);
        for (int i = 0; i < ids.size(); i++) {
          reference(ids.get(i), IdType.ID, "ids[" + i + "]", null, people, problems);
        }
        break;
      case "emails":
        ignore = ignoreEmails;
        JsonArray emails = list(body, "emails", problems);
        for (int i = 0; i < emails.size(); i++) {
          reference(emails.get(i), IdType.EMAIL, "emails[" + i + "]", null, people, problems);
        }
        break;
      case "per_user_data":
        ignore = ignoreIds || ignoreEmails;
        JsonArray entries = list(body, "per_user_data", problems);
        for (int i = 0; i < entries.size(); i++) {
          String at = "per_user_data[" + i + "]";
          if (!(entries.get(i) instanceof JsonObject e)) {
            problems.add(at + ": must be an object");
            continue;
          }
          JsonObject own = null;
          if (e.get("data") instanceof JsonObject o) {
            own = o;
          } else if (e.containsKey("data")) {
            problems.add(at + ".data: must be an object");
          }
          if (e.containsKey("id") == e.containsKey("email")) {
            problems.add(at + ": needs exactly one of id, email");
          } else if (e.containsKey("id")) {
            reference(e.get("id"), IdType.ID, at + ".id", own, people, problems);
          } else {
            reference(e.get("email"), IdType.EMAIL, at + ".email", own, people, problems);
          }
        }
        break;
      default:
        problems.add("data_file_url: not supported; send ids, emails or per_user_data");
    }
    if (people.size() > MAX_PEOPLE) {
      problems.add("at most " + MAX_PEOPLE + " people per call");
    }
    if (!problems.isEmpty()) {
      throw new InvalidJourneyException(problems);
    }
    return new ApiTrigger(data, people, segment, ignore);
  }

  private static JsonArray list(JsonObject body, String key, List<String> problems) {
    if (body.get(key) instanceof JsonArray a && !a.isEmpty()) {
      return a;
    }
    problems.add(key + ": must be a non-empty array");
    return JsonValue.EMPTY_JSON_ARRAY;
  }

  private static void reference(
      JsonValue v,
      IdType type,
      String at,
      JsonObject data,
      List<ApiTrigger.Recipient> people,
      List<String> problems) {
    String value = null;
    if (v instanceof JsonString s) {
      value = s.getString();
    } else if (type == IdType.ID && v instanceof JsonNumber n && n.isIntegral()) {
      value = n.bigIntegerValue().toString();
    }
    PersonRef ref = value == null ? null : new PersonRef(type, value);
    if (ref == null || !ref.wellFormed()) {
      problems.add(
          at
              + ": must be a "
              + (type == IdType.ID ? "string or whole number" : "string")
              + " of 1 to "
              + PersonRef.MAX_BYTES
              + " bytes");
      return;
    }
    people.add(new ApiTrigger.Recipient(ref, data, at));
  }

  private static boolean flag(JsonObject body, String key, List<String> problems) {
    JsonValue v = body.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return false;
    }
    if (v.getValueType() == JsonValue.ValueType.TRUE) {
      return true;
    }
    if (v.getValueType() != JsonValue.ValueType.FALSE) {
      problems.add(key + ": must be true or false");
    }
    return false;
  }
}
