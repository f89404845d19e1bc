package io.herald.journeys.rest;

import io.herald.journeys.api.InvalidJourneyException;
import io.herald.journeys.api.Simulation;
import io.herald.people.api.PersonRef;
import io.herald.shared.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Herald's draft-testing bodies: {@code POST …/nodes/{node_id}/test_send} ({@code identifiers},
 * {@code data}) and {@code POST …/simulate} ({@code identifiers}, {@code version}, {@code data},
 * {@code events} of {@code {name, data, at_offset}}, {@code webhooks} by node id of {@code {status,
 * headers, body}}, {@code horizon}; durations in ISO-8601, {@code PT2H}, {@code P3D}), and the
 * simulation's answer. Every problem is reported at once, by field.
 */
final class DraftTestRequest {

  /** Most hypothetical events one simulation takes. */
  static final int MAX_EVENTS = 100;

  static final Duration DEFAULT_HORIZON = Duration.ofDays(90);

  /** A test send's or simulation's person and trigger data. */
  record Target(PersonRef person, JsonObject data) {}

  /** A simulation request. */
  record Simulate(
      PersonRef person,
      Integer version,
      JsonObject data,
      List<Simulation.Event> events,
      Map<String, Simulation.WebhookAnswer> webhooks,
      Duration horizon) {}

  private DraftTestRequest() {}

  static Target testSend(JsonObject body) {
    List<String> problems = new ArrayList<>();
    unknown(body, Set.of("identifiers", "data"), problems);
    PersonRef person = person(body, problems);
    JsonObject data = object(body, "data", problems);
    check(problems);
    return new Target(person, data);
  }

  static Simulate simulate(JsonObject body) {
    List<String> problems = new ArrayList<>();
    unknown(
        body, Set.of("identifiers", "version", "data", "events", "webhooks", "horizon"), problems);
    PersonRef person = person(body, problems);
    JsonObject data = object(body, "data", problems);
    Integer version = null;
    JsonValue v = body.get("version");
    if (v != null && v != JsonValue.NULL) {
      if (v instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 1) {
        version = n.longValue() > Integer.MAX_VALUE ? Integer.MAX_VALUE : n.intValue();
      } else {
        problems.add("version: must be a whole number from 1");
      }
    }
    Duration horizon = DEFAULT_HORIZON;
    if (body.containsKey("horizon") && body.get("horizon") != JsonValue.NULL) {
      Duration h = duration(body.get("horizon"), "horizon", problems);
      if (h != null && (h.isZero() || h.isNegative() || h.compareTo(Simulation.MAX_HORIZON) > 0)) {
        problems.add("horizon: must be more than 0 and at most P366D");
      } else if (h != null) {
        horizon = h;
      }
    }
    List<Simulation.Event> events = new ArrayList<>();
    JsonValue e = body.get("events");
    if (e != null && e != JsonValue.NULL) {
      if (!(e instanceof JsonArray list)) {
        problems.add("events: must be an array");
      } else if (list.size() > MAX_EVENTS) {
        problems.add("events: at most " + MAX_EVENTS + " events");
      } else {
        for (int i = 0; i < list.size(); i++) {
          event(list.get(i), "events[" + i + "]", problems).ifPresent(events::add);
        }
      }
    }
    Map<String, Simulation.WebhookAnswer> webhooks = webhooks(body.get("webhooks"), problems);
    check(problems);
    return new Simulate(person, version, data, events, webhooks, horizon);
  }

  /** {@code {"<node_id>": {"status": 500, "headers": {…}, "body": …}}}. */
  private static Map<String, Simulation.WebhookAnswer> webhooks(
      JsonValue value, List<String> problems) {
    Map<String, Simulation.WebhookAnswer> answers = new LinkedHashMap<>();
    if (value == null || value == JsonValue.NULL) {
      return answers;
    }
    if (!(value instanceof JsonObject nodes)) {
      problems.add("webhooks: must be an object of answers by node id");
      return answers;
    }
    if (nodes.size() > MAX_EVENTS) {
      problems.add("webhooks: at most " + MAX_EVENTS + " nodes");
      return answers;
    }
    for (Map.Entry<String, JsonValue> e : nodes.entrySet()) {
      String path = "webhooks." + e.getKey();
      if (!(e.getValue() instanceof JsonObject a)) {
        problems.add(path + ": must be an object with status, headers, body");
        continue;
      }
      int before = problems.size();
      unknown(a, Set.of("status", "headers", "body"), problems, path + ".");
      int status = 0;
      if (a.get("status") instanceof JsonNumber n
          && n.isIntegral()
          && n.longValue() >= 100
          && n.longValue() <= 599) {
        status = n.intValue();
      } else {
        problems.add(path + ".status: required, an HTTP status from 100 to 599");
      }
      Map<String, String> headers = new LinkedHashMap<>();
      JsonObject h = object(a, "headers", problems, path + ".");
      for (Map.Entry<String, JsonValue> header : h.entrySet()) {
        if (header.getValue() instanceof JsonString v) {
          headers.put(header.getKey().toLowerCase(Locale.ROOT), v.getString());
        } else {
          problems.add(path + ".headers." + header.getKey() + ": must be a string");
        }
      }
      JsonValue answerBody = a.get("body");
      if (problems.size() == before) {
        answers.put(
            e.getKey(),
            new Simulation.WebhookAnswer(
                status, headers, answerBody == JsonValue.NULL ? null : answerBody));
      }
    }
    return answers;
  }

  private static java.util.Optional<Simulation.Event> event(
      JsonValue value, String path, List<String> problems) {
    if (!(value instanceof JsonObject o)) {
      problems.add(path + ": must be an object");
      return java.util.Optional.empty();
    }
    int before = problems.size();
    unknown(o, Set.of("name", "data", "at_offset"), problems, path + ".");
    String name = null;
    if (o.get("name") instanceof JsonString s && !s.getString().isBlank()) {
      name = s.getString();
    } else {
      problems.add(path + ".name: required, a non-empty string");
    }
    JsonObject data = object(o, "data", problems, path + ".");
    Duration offset = null;
    if (!o.containsKey("at_offset")) {
      problems.add(path + ".at_offset: required, an ISO-8601 duration such as PT2H or P3D");
    } else {
      offset = duration(o.get("at_offset"), path + ".at_offset", problems);
      if (offset != null && offset.isNegative()) {
        problems.add(path + ".at_offset: must not be negative");
      }
    }
    return problems.size() == before
        ? java.util.Optional.of(new Simulation.Event(name, data, offset))
        : java.util.Optional.empty();
  }

  private static PersonRef person(JsonObject body, List<String> problems) {
    JsonValue ids = body.get("identifiers");
    if (!(ids instanceof JsonObject o)) {
      problems.add(
          "identifiers: required, an object with one of id, email, cio_id"
              + (ids == null
                  ? ""
                  : " (got " + ids.getValueType().name().toLowerCase(java.util.Locale.ROOT) + ")"));
      return null;
    }
    return PersonRef.fromIdentifiers(o, "identifiers", problems).orElse(null);
  }

  private static JsonObject object(JsonObject body, String key, List<String> problems) {
    return object(body, key, problems, "");
  }

  private static JsonObject object(
      JsonObject body, String key, List<String> problems, String prefix) {
    JsonValue v = body.get(key);
    if (v == null || v == JsonValue.NULL) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    if (v instanceof JsonObject o) {
      return o;
    }
    problems.add(prefix + key + ": must be an object");
    return JsonValue.EMPTY_JSON_OBJECT;
  }

  private static Duration duration(JsonValue v, String path, List<String> problems) {
    if (v instanceof JsonString s) {
      try {
        return Duration.parse(s.getString());
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    problems.add(path + ": must be an ISO-8601 duration such as PT2H or P3D");
    return null;
  }

  private static void unknown(JsonObject body, Set<String> fields, List<String> problems) {
    unknown(body, fields, problems, "");
  }

  private static void unknown(
      JsonObject body, Set<String> fields, List<String> problems, String prefix) {
    for (String key : body.keySet()) {
      if (!fields.contains(key)) {
        problems.add(prefix + key + ": unknown field");
      }
    }
  }

  private static void check(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidJourneyException(problems);
    }
  }

  /** The simulation as the App API answers it (times in ISO-8601, offsets from the start). */
  static JsonObject json(Simulation s) {
    JsonArrayBuilder steps = Jsons.createArrayBuilder();
    for (Simulation.Step step : s.steps()) {
      steps.add(
          Jsons.createObjectBuilder()
              .add("node", step.node())
              .add("type", text(step.type()))
              .add("at", step.at().toString())
              .add("offset", Duration.between(s.start(), step.at()).toString())
              .add("outcome", step.outcome())
              .add("detail", text(step.detail()))
              .add("edge", text(step.edge()))
              .add("next", text(step.next()))
              .add("preview", preview(step.preview())));
    }
    JsonArrayBuilder notes = Jsons.createArrayBuilder();
    s.notes().forEach(notes::add);
    JsonObjectBuilder b =
        Jsons.createObjectBuilder()
            .add("campaign_id", s.journeyId())
            .add("version", s.version())
            .add("cio_id", s.cioId())
            .add("start", s.start().toString())
            .add("horizon", s.horizon().toString())
            .add("end", s.end())
            .add("ended_at", s.endedAt().toString())
            .add("steps", steps)
            .add("notes", notes)
            .add("reason", text(s.reason()));
    return Jsons.createObjectBuilder().add("simulation", b).build();
  }

  private static JsonValue preview(Simulation.Preview p) {
    return p == null
        ? JsonValue.NULL
        : Jsons.createObjectBuilder()
            .add("subject", text(p.subject()))
            .add("body", text(p.body()))
            .build();
  }

  private static JsonValue text(String s) {
    return s == null ? JsonValue.NULL : Jsons.createValue(s);
  }
}
