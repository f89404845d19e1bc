package io.herald.segments.api.condition;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The JSON form of a {@link ConditionDocument} (format version 1):
 *
 * <pre>
 * {"version":1,"condition":NODE}
 * NODE is an object with exactly one key:
 *   {"and":[NODE…]}  {"or":[NODE…]}  {"not":NODE}
 *   {"attribute":{"name":"plan","operator":"equals","value":"pro","timezone":"workspace"}}
 *   {"event":{"name":"login","performed":true,"count":{"at_least":3},
 *             "within":{"last":7,"unit":"days"} | {"from":"2026-01-01T00:00:00Z","to":"…"},
 *             "where":[{"property":"x","operator":"equals","value":"y"}]}}
 *   {"engagement":{"metric":"opened","message_id":"12","campaign_id":null,
 *                  "count":{"exactly":2},"within":{…}}}
 *   {"relationship":{"object_type_id":"1","object":[PROPERTY…],"relationship":[PROPERTY…]}}
 *   {"segment":{"id":12}}
 *   {"device":{"platform":"ios","push_enabled":true}}
 * </pre>
 *
 * <p>Values by operator: {@code equals}, {@code not_equals}, {@code contains}, {@code starts_with},
 * {@code ends_with}, {@code regex} take text (a JSON number or boolean is taken as its JSON text:
 * {@code 42} is {@code "42"}); {@code greater_than}, {@code less_than} a JSON number (at most 35
 * digits before and 30 after the point); {@code in_list} an array of 1 to 1000 texts (numbers and
 * booleans as their JSON text); {@code within_last_days}, {@code within_next_days} a whole number
 * of days from 0 to 36525; {@code before}, {@code after} Unix seconds (a JSON number) or a calendar
 * day {@code "YYYY-MM-DD"}; {@code exists}, {@code not_exists} no {@code value} at all. A regex
 * must compile ({@link java.util.regex.Pattern}) and is at most 1000 characters. {@code timezone}
 * ({@code workspace}, the default, or {@code person}) chooses the zone calendar days are read in.
 *
 * <p>Optional parts and their defaults: {@code performed} true, {@code count} {@code
 * {"at_least":1}}, {@code within} absent means ever, {@code where} / {@code object} / {@code
 * relationship} empty, {@code message_id} / {@code campaign_id} / {@code platform} / {@code
 * push_enabled} absent or {@code null} means any. A {@code last} window is at most 100 years
 * (36,525 days, 876,600 hours, 52,596,000 minutes); a {@code from}/{@code to} window takes ISO-8601
 * instants with an offset, {@code from} before {@code to}.
 *
 * <p>{@link #toJson} writes every part except a window of "ever", so {@code parse(toJson(d))}
 * equals {@code d} for every document {@link #parse} can return. Anything else (unknown keys,
 * operators or node types, a value of the wrong type, a missing field, a tree deeper than {@link
 * ConditionDocument#MAX_DEPTH}, an unknown version) is rejected with an {@link
 * InvalidConditionException} naming the JSON path (for example {@code
 * $.condition.and[2].attribute.operator}) and the reason.
 */
public final class ConditionJson {

  private ConditionJson() {}

  /**
   * Reads a condition document.
   *
   * @throws InvalidConditionException naming the path of the first problem found
   */
  public static ConditionDocument parse(JsonValue json) {
    return ConditionJsonReader.document(json);
  }

  /** Writes a condition document in the current format. */
  public static JsonObject toJson(ConditionDocument doc) {
    return Json.createObjectBuilder()
        .add("version", doc.version())
        .add("condition", node(doc.root()))
        .build();
  }

  /** Writes one node of the tree (without the document envelope). */
  public static JsonObject toJson(Condition condition) {
    return node(condition);
  }

  private static JsonObject node(Condition condition) {
    JsonObjectBuilder out = Json.createObjectBuilder();
    if (condition instanceof All all) {
      out.add("and", nodes(all.conditions()));
    } else if (condition instanceof Any any) {
      out.add("or", nodes(any.conditions()));
    } else if (condition instanceof Not not) {
      out.add("not", node(not.condition()));
    } else if (condition instanceof AttributeCondition a) {
      JsonObjectBuilder leaf = Json.createObjectBuilder().add("name", a.attribute());
      match(leaf, a.match());
      out.add("attribute", leaf);
    } else if (condition instanceof EventCondition e) {
      JsonObjectBuilder leaf =
          Json.createObjectBuilder()
              .add("name", e.name())
              .add("performed", e.performed())
              .add("count", count(e.count()));
      window(leaf, e.window());
      out.add("event", leaf.add("where", properties(e.where())));
    } else if (condition instanceof EngagementCondition e) {
      JsonObjectBuilder leaf = Json.createObjectBuilder().add("metric", e.metric().wireName());
      if (e.messageId() != null) {
        leaf.add("message_id", e.messageId());
      }
      if (e.campaignId() != null) {
        leaf.add("campaign_id", e.campaignId());
      }
      leaf.add("count", count(e.count()));
      window(leaf, e.window());
      out.add("engagement", leaf);
    } else if (condition instanceof RelationshipCondition r) {
      out.add(
          "relationship",
          Json.createObjectBuilder()
              .add("object_type_id", r.objectTypeId())
              .add("object", properties(r.object()))
              .add("relationship", properties(r.relationship())));
    } else if (condition instanceof SegmentCondition s) {
      out.add("segment", Json.createObjectBuilder().add("id", s.segmentId()));
    } else if (condition instanceof DeviceCondition d) {
      JsonObjectBuilder leaf = Json.createObjectBuilder();
      if (d.platform() != null) {
        leaf.add("platform", d.platform());
      }
      if (d.pushEnabled() != null) {
        leaf.add("push_enabled", d.pushEnabled());
      }
      out.add("device", leaf);
    } else {
      throw new IllegalStateException("unknown condition " + condition.getClass());
    }
    return out.build();
  }

  private static JsonArray nodes(List<Condition> conditions) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    conditions.forEach(c -> out.add(node(c)));
    return out.build();
  }

  private static JsonArray properties(List<PropertyMatch> matches) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (PropertyMatch m : matches) {
      JsonObjectBuilder property = Json.createObjectBuilder().add("property", m.property());
      match(property, m.match());
      out.add(property);
    }
    return out.build();
  }

  private static void match(JsonObjectBuilder out, Match match) {
    out.add("operator", match.operator().wireName());
    Operand operand = match.operand();
    if (operand instanceof Operand.Text t) {
      out.add("value", t.value());
    } else if (operand instanceof Operand.Number n) {
      out.add("value", n.value());
    } else if (operand instanceof Operand.TextList l) {
      JsonArrayBuilder values = Json.createArrayBuilder();
      l.values().forEach(values::add);
      out.add("value", values);
    } else if (operand instanceof Operand.Days d) {
      out.add("value", d.days());
    } else if (operand instanceof Operand.Moment m) {
      out.add("value", seconds(m.instant()));
    } else if (operand instanceof Operand.Day d) {
      out.add("value", d.date().toString());
    }
    if (match.operator().isDate() || match.zone() != ZoneChoice.WORKSPACE) {
      out.add("timezone", match.zone().wireName());
    }
  }

  private static JsonObject count(Count count) {
    return Json.createObjectBuilder().add(count.comparison().wireName(), count.times()).build();
  }

  private static void window(JsonObjectBuilder out, Window window) {
    if (window instanceof Window.Last last) {
      out.add(
          "within",
          Json.createObjectBuilder().add("last", last.amount()).add("unit", unitName(last.unit())));
    } else if (window instanceof Window.Between between) {
      out.add(
          "within",
          Json.createObjectBuilder()
              .add("from", between.from().toString())
              .add("to", between.to().toString()));
    }
  }

  /** Unix seconds: a whole number, or a decimal when the instant has a fraction of a second. */
  private static BigDecimal seconds(Instant instant) {
    BigDecimal seconds = BigDecimal.valueOf(instant.getEpochSecond());
    if (instant.getNano() == 0) {
      return seconds;
    }
    return seconds.add(BigDecimal.valueOf(instant.getNano(), 9)).stripTrailingZeros();
  }

  /** The JSON name of a window unit. */
  static String unitName(ChronoUnit unit) {
    return unit.name().toLowerCase(Locale.ROOT);
  }
}
