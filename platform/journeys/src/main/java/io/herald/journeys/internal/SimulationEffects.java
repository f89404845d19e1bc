package io.herald.journeys.internal;

import io.herald.journeys.api.Node;
import io.herald.journeys.api.Simulation;
import io.herald.segments.api.ConditionMatcher;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.shared.json.JsonJava;
import io.herald.shared.json.Jsons;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A simulation's effects: reads (conditions, the person's time zone) go to the real effects, writes
 * do nothing. A send renders its message as the real send would ({@link Effects#render}) and
 * answers {@code would send …} (a webhook {@code would call webhook …}) in place of a delivery id,
 * which the step log records as the step's detail; such a "delivery" has no engagement. Conditions
 * see the hypothetical events that have happened by then ({@link #happened}) and the attributes the
 * run has set (update steps, webhook captures; kept in memory) besides the person's stored data. A
 * simulated webhook call gets the answer the request gave for its node, else 200 with no body, at
 * its first check.
 */
final class SimulationEffects implements Effects {

  private static final Simulation.WebhookAnswer DEFAULT_ANSWER =
      new Simulation.WebhookAnswer(200, Map.of(), null);

  private final Effects real;
  private final String keyPrefix;
  private final Map<String, Simulation.WebhookAnswer> answers;
  private final Map<String, CallOutcome> calls = new HashMap<>();
  private final Set<String> described = new HashSet<>();
  private final List<ConditionMatcher.ExtraEvent> happened = new ArrayList<>();
  private final Deque<Simulation.Preview> previews = new ArrayDeque<>();
  private JsonObject updated = JsonValue.EMPTY_JSON_OBJECT;

  /**
   * @param journeyId the simulated journey (its sends' keys end with the node id)
   * @param answers the webhook calls' answers by node id
   */
  SimulationEffects(Effects real, long journeyId, Map<String, Simulation.WebhookAnswer> answers) {
    this.real = real;
    this.keyPrefix = StepRunner.keyPrefix(journeyId) + "0-";
    this.answers = Map.copyOf(answers);
  }

  /** A hypothetical event happened: conditions evaluated from now on count it. */
  void happened(String name, Instant at, JsonObject data) {
    happened.add(new ConditionMatcher.ExtraEvent(name, at, data));
  }

  /** The next rendered message of the sends made so far, in send order; null when none is left. */
  Simulation.Preview nextPreview() {
    return previews.poll();
  }

  @Override
  public String sendEmail(
      WorkspaceId ws, String cioId, JsonObject settings, JsonObject data, String key) {
    Rendered r = real.render(ws, cioId, "email", settings, data);
    previews.add(new Simulation.Preview(r.subject(), r.body()));
    return described(
        "would send email "
            + (r.subject() != null
                ? "\"" + r.subject() + "\""
                : "transactional message " + id(settings.get("message_id"))));
  }

  @Override
  public String send(
      WorkspaceId ws,
      String cioId,
      String channel,
      JsonObject settings,
      JsonObject data,
      String key) {
    Rendered r = real.render(ws, cioId, channel, settings, data);
    previews.add(new Simulation.Preview(r.subject(), r.body()));
    return described(
        "would send "
            + channel
            + (settings.containsKey("message_id")
                ? " transactional message " + id(settings.get("message_id"))
                : " message"));
  }

  @Override
  public Rendered render(
      WorkspaceId ws, String cioId, String channel, JsonObject settings, JsonObject data) {
    return real.render(ws, cioId, channel, settings, data);
  }

  @Override
  public String callWebhook(
      WorkspaceId ws, String cioId, JsonObject settings, JsonObject data, String key) {
    String node = key.startsWith(keyPrefix) ? key.substring(keyPrefix.length()) : key;
    Simulation.WebhookAnswer a = answers.getOrDefault(node, DEFAULT_ANSWER);
    String call =
        described(
            "would call webhook "
                + settings.getString("method", "POST")
                + " "
                + (settings.get("url") instanceof JsonString u ? u.getString() : ""));
    Map<String, Object> response = response(a);
    boolean ok = a.status() >= 200 && a.status() < 300;
    // The run checks this call before it can make another, so the latest answer is the one read.
    calls.put(
        call,
        new CallOutcome(
            ok,
            ok ? null : "HTTP " + a.status() + (a.body() == null ? "" : ": " + a.body()),
            response));
    return call;
  }

  /** What a webhook step's capture takes from the answer given for its node (2xx only). */
  JsonObject captured(Node node) {
    Simulation.WebhookAnswer a = answers.getOrDefault(node.id(), DEFAULT_ANSWER);
    JsonObject capture = node.settings().getJsonObject("capture");
    return capture == null || a.status() < 200 || a.status() >= 300
        ? JsonValue.EMPTY_JSON_OBJECT
        : WebhookStep.captured(capture, response(a));
  }

  /** A call's answer as messaging keeps it: status, headers, JSON body. */
  private static Map<String, Object> response(Simulation.WebhookAnswer a) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("status", a.status());
    response.put("headers", a.headers());
    if (a.body() != null) {
      response.put("body", JsonJava.toJava(a.body()));
    }
    return response;
  }

  /** A simulated webhook call's answer is final at its first check. */
  @Override
  public Optional<CallOutcome> outcome(WorkspaceId ws, String deliveryId) {
    return calls.containsKey(deliveryId)
        ? Optional.of(calls.get(deliveryId))
        : real.outcome(ws, deliveryId);
  }

  @Override
  public String sendTest(
      WorkspaceId ws, String cioId, String channel, JsonObject settings, JsonObject data) {
    throw new StepFailure("a simulation sends no test messages");
  }

  @Override
  public Optional<Map<String, Instant>> deliveryMetrics(WorkspaceId ws, String deliveryId) {
    return described.contains(deliveryId) ? Optional.empty() : real.deliveryMetrics(ws, deliveryId);
  }

  /** Simulated: kept in memory, over the stored attributes for the run's later conditions. */
  @Override
  public void updateAttributes(WorkspaceId ws, String cioId, JsonObject attributes) {
    JsonObjectBuilder b = Jsons.createObjectBuilder(updated);
    attributes.forEach(b::add);
    updated = b.build();
  }

  /** The attributes the simulated run set (update steps, webhook captures), by name. */
  JsonObject updated() {
    return updated;
  }

  @Override
  public void segment(WorkspaceId ws, long segmentId, String cioId, boolean add) {
    // Simulated: no membership changes.
  }

  /**
   * The person's stored data with the simulated run's attribute updates over it and the
   * hypothetical events that happened by {@code now}.
   */
  @Override
  public boolean matches(
      WorkspaceId ws,
      String cioId,
      ConditionDocument conditions,
      Instant now,
      ConditionMatcher.Hypothesis hypothesis) {
    JsonObjectBuilder attributes = Jsons.createObjectBuilder(updated);
    hypothesis.attributes().forEach(attributes::add);
    List<ConditionMatcher.ExtraEvent> events = new ArrayList<>(hypothesis.events());
    happened.stream().filter(e -> !e.occurredAt().isAfter(now)).forEach(events::add);
    return real.matches(
        ws, cioId, conditions, now, new ConditionMatcher.Hypothesis(attributes.build(), events));
  }

  @Override
  public ZoneId zoneOf(WorkspaceId ws, String cioId) {
    return real.zoneOf(ws, cioId);
  }

  @Override
  public Optional<JsonObject> attributes(WorkspaceId ws, String cioId) {
    return real.attributes(ws, cioId)
        .map(
            stored -> {
              JsonObjectBuilder b = Jsons.createObjectBuilder(stored);
              updated.forEach(b::add);
              return b.build();
            });
  }

  @Override
  public java.util.List<Person> people(WorkspaceId ws, String afterCioId, int limit) {
    return real.people(ws, afterCioId, limit);
  }

  @Override
  public Optional<String> cioIdOf(WorkspaceId ws, String idType, String value) {
    return real.cioIdOf(ws, idType, value);
  }

  @Override
  public java.util.List<String> relatedPeople(WorkspaceId ws, String cioObjectId) {
    return real.relatedPeople(ws, cioObjectId);
  }

  /** Simulated: no object changes (the step log says what would change). */
  @Override
  public int updateObject(
      WorkspaceId ws, String cioId, String typeId, String objectId, JsonObject attributes) {
    return 0;
  }

  @Override
  public void relationship(
      WorkspaceId ws,
      String cioId,
      String typeId,
      String objectId,
      boolean relate,
      JsonObject attributes) {
    // Simulated: no relationship changes.
  }

  private String described(String text) {
    described.add(text);
    return text;
  }

  private static String id(JsonValue messageId) {
    return messageId instanceof JsonString s ? s.getString() : String.valueOf(messageId);
  }
}
