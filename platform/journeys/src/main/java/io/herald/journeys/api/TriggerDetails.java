package io.herald.journeys.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalTime;
import java.util.List;

/**
 * The settings of the triggers that need more than {@link Trigger} holds (date attribute, object,
 * relationship, inbound webhook), read from a checked definition's document ({@code $.trigger}).
 */
public final class TriggerDetails {

  private TriggerDetails() {}

  /**
   * A date-attribute trigger: the person enters when the date in {@code attribute}, moved by the
   * offset, comes.
   *
   * @param attribute the person attribute holding the date (Unix seconds, or an ISO date or
   *     date-time)
   * @param offsetDays days after (negative: before) the date; applied to the local date
   * @param offsetHours hours after (negative: before) the date's instant
   * @param at the local time of day (in the person's {@code timezone}, else the workspace's), null
   *     to keep the date's own time of day
   * @param yearly every year on the date's anniversary (birthdays), not only once
   */
  public record DateTrigger(
      String attribute, long offsetDays, long offsetHours, LocalTime at, boolean yearly) {}

  /**
   * An object or relationship trigger.
   *
   * @param relationship {@code true}: a person is related to / unrelated from an object of the
   *     type, and that person enters; {@code false}: an object of the type is created or updated,
   *     and the people related to it enter
   * @param objectTypeId the object type ({@code "1"})
   * @param on which changes: {@code created}, {@code updated}, {@code deleted}, {@code
   *     child_related}, {@code child_unrelated}, {@code parent_related}, {@code parent_unrelated}
   *     (objects), {@code related}, {@code unrelated} (relationships)
   * @param where filters on the object's attributes
   */
  public record ObjectTrigger(
      boolean relationship, String objectTypeId, List<String> on, List<DataFilter> where) {
    /** Copies the lists. */
    public ObjectTrigger {
      on = List.copyOf(on);
      where = List.copyOf(where);
    }
  }

  /**
   * An inbound webhook trigger.
   *
   * @param identifier the JSON path of the person's identifier in the body ({@code $.user.email})
   * @param idType {@code email}, {@code id} or {@code cio_id}
   */
  public record WebhookTrigger(String identifier, String idType) {
    /** The path's keys ({@code $.user.email} → user, email). */
    public List<String> keys() {
      return List.of(identifier.substring(2).split("\\."));
    }

    /** The identifier in {@code body}, as text; null when missing or not a string or number. */
    public String find(JsonObject body) {
      JsonValue v = body;
      for (String key : keys()) {
        if (!(v instanceof JsonObject o) || !o.containsKey(key)) {
          return null;
        }
        v = o.get(key);
      }
      if (v instanceof jakarta.json.JsonString s) {
        return s.getString().isEmpty() ? null : s.getString();
      }
      return v instanceof JsonNumber n && n.isIntegral() ? n.bigIntegerValue().toString() : null;
    }
  }

  /** The date trigger of a definition whose trigger is of type {@code date}. */
  public static DateTrigger date(JourneyDefinition d) {
    JsonObject t = d.document().getJsonObject("trigger");
    JsonObject offset = t.getJsonObject("offset");
    long days = 0;
    long hours = 0;
    if (offset != null) {
      days = offset.containsKey("days") ? offset.getJsonNumber("days").longValueExact() : 0;
      hours = offset.containsKey("hours") ? offset.getJsonNumber("hours").longValueExact() : 0;
    }
    return new DateTrigger(
        t.getString("attribute"),
        days,
        hours,
        t.containsKey("at") ? LocalTime.parse(t.getString("at")) : null,
        t.get("yearly") == JsonValue.TRUE);
  }

  /**
   * The trigger of a definition whose trigger is of type {@code object} or {@code relationship}.
   */
  public static ObjectTrigger object(JourneyDefinition d) {
    JsonObject t = d.document().getJsonObject("trigger");
    boolean relationship = d.trigger().type() == Trigger.TriggerType.RELATIONSHIP;
    String on = t.getString("on", relationship ? "related" : "created_or_updated");
    List<String> kinds =
        on.equals("created_or_updated") ? List.of("created", "updated") : List.of(on);
    return new ObjectTrigger(
        relationship,
        ObjectTypes.text(t.get("object_type_id")),
        kinds,
        JourneyJson.filters(t.getJsonArray("where")));
  }

  /** The trigger of a definition whose trigger is of type {@code webhook}. */
  public static WebhookTrigger webhook(JourneyDefinition d) {
    JsonObject t = d.document().getJsonObject("trigger");
    return new WebhookTrigger(t.getString("identifier"), t.getString("id_type", "email"));
  }

  /** Object type ids as Customer.io writes them: {@code "1"} or {@code 1}. */
  static final class ObjectTypes {
    private ObjectTypes() {}

    static String text(JsonValue v) {
      if (v instanceof jakarta.json.JsonString s) {
        return s.getString();
      }
      return v instanceof JsonNumber n && n.isIntegral() ? n.bigIntegerValue().toString() : null;
    }

    static boolean valid(JsonValue v) {
      String text = text(v);
      return text != null && text.matches("[1-9][0-9]{0,8}");
    }
  }
}
