package io.herald.segments.api;

import io.herald.segments.api.condition.ConditionDocument;
import io.herald.workspace.api.WorkspaceId;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates a condition tree for one person at an instant, with the same semantics as data-driven
 * segments (for journeys' entry filters, branches and wait-until conditions).
 */
public interface ConditionMatcher {

  /**
   * Whether the person with {@code cioId} matches {@code conditions} at {@code now}, in the
   * workspace's time zone; {@code false} when the workspace has no such person.
   */
  default boolean matches(
      WorkspaceId workspace, String cioId, ConditionDocument conditions, Instant now) {
    return matches(workspace, cioId, conditions, now, Hypothesis.NONE);
  }

  /**
   * Like {@link #matches(WorkspaceId, String, ConditionDocument, Instant)}, as if the person's
   * attributes were changed and extra events performed as {@code hypothesis} says, besides their
   * stored data (a journey simulation's hypothetical events and attribute updates). Nothing is
   * written.
   */
  boolean matches(
      WorkspaceId workspace,
      String cioId,
      ConditionDocument conditions,
      Instant now,
      Hypothesis hypothesis);

  /**
   * What to suppose about a person besides their stored data.
   *
   * @param attributes attributes set over the stored ones (a JSON null stands for a removed one)
   * @param events events performed besides the stored ones
   */
  record Hypothesis(JsonObject attributes, List<ExtraEvent> events) {

    /** Nothing supposed. */
    public static final Hypothesis NONE = new Hypothesis(JsonValue.EMPTY_JSON_OBJECT, List.of());

    /** Copies the events; no attributes is an empty object. */
    public Hypothesis {
      attributes = attributes == null ? JsonValue.EMPTY_JSON_OBJECT : attributes;
      events = List.copyOf(events);
    }

    /** Whether nothing is supposed. */
    public boolean isEmpty() {
      return attributes.isEmpty() && events.isEmpty();
    }
  }

  /**
   * An event evaluated as the person's without being stored.
   *
   * @param name the event name
   * @param occurredAt when it happens
   * @param data its data (filters read it), empty when none
   */
  record ExtraEvent(String name, Instant occurredAt, JsonObject data) {

    /** Requires the name and time; no data is an empty object. */
    public ExtraEvent {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(occurredAt, "occurredAt");
      data = data == null ? JsonValue.EMPTY_JSON_OBJECT : data;
    }
  }
}
