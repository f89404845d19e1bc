package io.herald.journeys.internal;

import io.herald.segments.api.condition.ConditionDocument;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A simulation's effects: reads (conditions, the person's time zone) go to the real effects, writes
 * do nothing. A send answers {@code would send …} (a webhook {@code would call webhook …}) in place
 * of a delivery id, which the step log records as the step's detail; such a "delivery" has no
 * engagement, and a simulated webhook call succeeds with an empty answer.
 */
final class SimulationEffects implements Effects {

  private final Effects real;
  private final Set<String> described = new HashSet<>();

  SimulationEffects(Effects real) {
    this.real = real;
  }

  @Override
  public String sendEmail(
      WorkspaceId ws, String cioId, JsonObject settings, JsonObject data, String key) {
    return described(
        "would send email "
            + (settings.get("subject") instanceof JsonString s
                ? "\"" + s.getString() + "\""
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
    return described(
        "would send " + channel + " transactional message " + id(settings.get("message_id")));
  }

  @Override
  public String callWebhook(
      WorkspaceId ws, String cioId, JsonObject settings, JsonObject data, String key) {
    return described(
        "would call webhook "
            + settings.getString("method", "POST")
            + " "
            + (settings.get("url") instanceof JsonString u ? u.getString() : ""));
  }

  /** A simulated webhook call answers 2xx (with nothing to capture) at its first check. */
  @Override
  public Optional<CallOutcome> outcome(WorkspaceId ws, String deliveryId) {
    return described.contains(deliveryId)
        ? Optional.of(new CallOutcome(true, null, Map.of()))
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

  @Override
  public void updateAttributes(WorkspaceId ws, String cioId, JsonObject attributes) {
    // Simulated: the person's attributes stay as they are.
  }

  @Override
  public void segment(WorkspaceId ws, long segmentId, String cioId, boolean add) {
    // Simulated: no membership changes.
  }

  @Override
  public boolean matches(WorkspaceId ws, String cioId, ConditionDocument conditions, Instant now) {
    return real.matches(ws, cioId, conditions, now);
  }

  @Override
  public ZoneId zoneOf(WorkspaceId ws, String cioId) {
    return real.zoneOf(ws, cioId);
  }

  @Override
  public Optional<JsonObject> attributes(WorkspaceId ws, String cioId) {
    return real.attributes(ws, cioId);
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
