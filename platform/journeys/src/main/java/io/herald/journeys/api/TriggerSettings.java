package io.herald.journeys.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks the settings of the date-attribute, object, relationship and webhook triggers; problems go
 * to the document's {@link JsonChecks} with their JSON path.
 */
final class TriggerSettings {

  private static final Pattern HOUR = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  private static final Pattern PATH = Pattern.compile("\\$(\\.[A-Za-z0-9_-]{1,150}){1,10}");
  private static final String AT = "$.trigger";

  private final JsonChecks checks;

  TriggerSettings(JsonChecks checks) {
    this.checks = checks;
  }

  Trigger date(JsonObject t) {
    checks.keys(t, AT, "type", "attribute", "offset", "at", "yearly");
    String attribute = checks.text(t, AT, "attribute", true);
    if (attribute != null && (attribute.isEmpty() || attribute.length() > 150)) {
      checks.problem(AT + ".attribute", "must be 1 to 150 characters");
    }
    JsonObject offset = checks.optionalObject(t, AT, "offset");
    boolean hours = false;
    if (offset != null) {
      checks.keys(offset, AT + ".offset", "days", "hours");
      if (offset.size() != 1) {
        checks.problem(AT + ".offset", "needs exactly one of days, hours");
      } else if (offset.containsKey("days")) {
        checks.integer(offset, AT + ".offset", "days", true, -3650, 3650);
      } else if (offset.containsKey("hours")) {
        hours = true;
        checks.integer(offset, AT + ".offset", "hours", true, -87600, 87600);
      }
    }
    String at = checks.text(t, AT, "at", false);
    if (at != null && !HOUR.matcher(at).matches()) {
      checks.problem(AT + ".at", "must be HH:MM (00:00 to 23:59)");
    } else if (at != null && hours) {
      checks.problem(AT + ".at", "a time of day goes with an offset in days, not in hours");
    }
    JsonValue yearly = t.get("yearly");
    if (yearly != null && yearly != JsonValue.TRUE && yearly != JsonValue.FALSE) {
      checks.problem(AT + ".yearly", "must be true or false");
    }
    return new Trigger(Trigger.TriggerType.DATE, null, List.of(), null, true);
  }

  Trigger object(JsonObject t, boolean relationship) {
    checks.keys(t, AT, "type", "object_type_id", "on", "where");
    JsonValue type = t.get("object_type_id");
    if (type == null) {
      checks.problem(AT + ".object_type_id", "is required");
    } else if (!TriggerDetails.ObjectTypes.valid(type)) {
      checks.problem(AT + ".object_type_id", "must be an object type id such as \"1\"");
    }
    List<String> allowed =
        relationship
            ? List.of("related", "unrelated")
            : List.of(
                "created",
                "updated",
                "created_or_updated",
                "deleted",
                "child_related",
                "child_unrelated",
                "parent_related",
                "parent_unrelated");
    String on = checks.text(t, AT, "on", false);
    if (on != null && !allowed.contains(on)) {
      checks.problem(AT + ".on", "must be " + String.join(", ", allowed) + ", not '" + on + "'");
    }
    checks.where(t, AT);
    return new Trigger(
        relationship ? Trigger.TriggerType.RELATIONSHIP : Trigger.TriggerType.OBJECT,
        null,
        List.of(),
        null,
        true);
  }

  Trigger webhook(JsonObject t) {
    checks.keys(t, AT, "type", "identifier", "id_type");
    String identifier = checks.text(t, AT, "identifier", true);
    if (identifier != null && !PATH.matcher(identifier).matches()) {
      checks.problem(
          AT + ".identifier",
          "must be a JSON path of object keys such as $.user.email, not '" + identifier + "'");
    }
    String idType = checks.text(t, AT, "id_type", false);
    if (idType != null && !List.of("email", "id", "cio_id").contains(idType)) {
      checks.problem(AT + ".id_type", "must be email, id or cio_id, not '" + idType + "'");
    }
    return new Trigger(Trigger.TriggerType.WEBHOOK, null, List.of(), null, true);
  }
}
