package io.herald.journeys.internal;

import io.herald.segments.api.ConditionMatcher;
import io.herald.segments.api.condition.ConditionDocument;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * What steps do outside the journeys tables, through the other modules' apis ({@link
 * ServiceEffects}); tests give the engine their own.
 */
interface Effects {

  /**
   * Sends a journey email at most once per key; returns the delivery id.
   *
   * @param settings the send step's settings
   * @param data the run's trigger data ({@code {{trigger.*}}})
   * @throws StepFailure when the message cannot be sent (bad content, unknown message)
   */
  String sendEmail(
      WorkspaceId ws, String cioId, JsonObject settings, JsonObject data, String idempotencyKey);

  /**
   * Sends a journey SMS, push, WhatsApp or in-app message (a transactional message of that channel,
   * {@code settings.message_id}) at most once per key; returns the delivery id (a push to every
   * device: the first).
   *
   * @throws StepFailure when the message cannot be sent (bad content, unknown message, no phone)
   */
  String send(
      WorkspaceId ws,
      String cioId,
      String channel,
      JsonObject settings,
      JsonObject data,
      String idempotencyKey);

  /**
   * Sends a send step's message to the person now as a test (marked {@code [TEST]}, never keyed:
   * each call is a new delivery); returns the delivery id.
   *
   * @param channel {@code email}, or a {@code send_message} channel ({@code sms}, {@code push},
   *     {@code whatsapp}, {@code in_app}, {@code slack})
   * @throws StepFailure when the message cannot be sent
   */
  String sendTest(
      WorkspaceId ws, String cioId, String channel, JsonObject settings, JsonObject data);

  /**
   * Renders a send step's message for the person as a send would, queueing nothing (simulations).
   *
   * @param channel {@code email}, or a {@code send_message} channel
   * @throws StepFailure when the message, the person or a template's rendering fails
   */
  Rendered render(
      WorkspaceId ws, String cioId, String channel, JsonObject settings, JsonObject data);

  /**
   * A rendered message.
   *
   * @param subject the email subject, push or in-app title; null when the channel has none
   * @param body the text (an email's plain text), null when none
   */
  record Rendered(String subject, String body) {}

  /**
   * Queues a webhook call (messaging's {@code webhook} channel: {@code settings} url, method,
   * headers, body, timeout_seconds, retries, all Liquid) at most once per key; returns the delivery
   * id.
   *
   * @throws StepFailure when the call cannot be queued (bad content)
   */
  String callWebhook(
      WorkspaceId ws, String cioId, JsonObject settings, JsonObject data, String idempotencyKey);

  /**
   * What became of a delivery: empty while it is queued or being sent; a failed call when it is
   * unknown.
   */
  Optional<CallOutcome> outcome(WorkspaceId ws, String deliveryId);

  /**
   * A finished delivery.
   *
   * @param success sent (a webhook: answered 2xx) or delivered
   * @param reason why it failed, else null
   * @param response the provider's answer kept by messaging (a webhook: {@code status}, {@code
   *     headers}, {@code body}), empty when none
   */
  record CallOutcome(boolean success, String reason, Map<String, Object> response) {

    /** Copies the answer. */
    public CallOutcome {
      response =
          response == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(response));
    }
  }

  /** A delivery's metrics (sent, delivered, opened, …) by when they happened; empty if unknown. */
  Optional<Map<String, Instant>> deliveryMetrics(WorkspaceId ws, String deliveryId);

  /** Sets attributes of the person. */
  void updateAttributes(WorkspaceId ws, String cioId, JsonObject attributes);

  /**
   * Adds the person to (or removes them from) a manual segment.
   *
   * @throws StepFailure when the segment is not a manual segment of the workspace
   */
  void segment(WorkspaceId ws, long segmentId, String cioId, boolean add);

  /** Whether the person matches the condition tree now. */
  default boolean matches(WorkspaceId ws, String cioId, ConditionDocument conditions, Instant now) {
    return matches(ws, cioId, conditions, now, ConditionMatcher.Hypothesis.NONE);
  }

  /**
   * Whether the person matches the condition tree now, supposing what {@code hypothesis} says
   * besides their stored data (a simulation's hypothetical events and attribute updates).
   */
  boolean matches(
      WorkspaceId ws,
      String cioId,
      ConditionDocument conditions,
      Instant now,
      ConditionMatcher.Hypothesis hypothesis);

  /** The person's time zone attribute, or else the workspace's zone. */
  ZoneId zoneOf(WorkspaceId ws, String cioId);

  /** A person's id and attributes (a page of {@link #people}). */
  record Person(String cioId, JsonObject attributes) {}

  /** A person's attributes; empty when there is no such person. */
  Optional<JsonObject> attributes(WorkspaceId ws, String cioId);

  /**
   * Up to {@code limit} people of the workspace after {@code afterCioId} (null: from the start).
   */
  java.util.List<Person> people(WorkspaceId ws, String afterCioId, int limit);

  /**
   * The cio_id of the person an identifier names.
   *
   * @param idType {@code email}, {@code id} or {@code cio_id}
   */
  Optional<String> cioIdOf(WorkspaceId ws, String idType, String value);

  /** The cio_ids of the people related to an object ({@code cio_object_id}), all of them. */
  java.util.List<String> relatedPeople(WorkspaceId ws, String cioObjectId);

  /**
   * Merges attributes into an object: the one named by type and id (created when missing), or with
   * {@code objectId} null every object of the type the person is related to.
   *
   * @return how many objects were updated
   * @throws StepFailure when the objects module refuses the attributes
   */
  int updateObject(
      WorkspaceId ws, String cioId, String typeId, String objectId, JsonObject attributes);

  /**
   * Relates the person to an object (created when missing; {@code attributes} merged into the
   * relationship), or removes the relationship.
   *
   * @throws StepFailure when the objects module refuses it
   */
  void relationship(
      WorkspaceId ws,
      String cioId,
      String typeId,
      String objectId,
      boolean relate,
      JsonObject attributes);

  /** A step's effect was refused for good: the run records it and goes on. */
  final class StepFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StepFailure(String message) {
      super(message);
    }
  }
}
