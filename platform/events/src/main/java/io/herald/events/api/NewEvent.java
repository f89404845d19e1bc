package io.herald.events.api;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An event to record.
 *
 * @param subject whom it is about
 * @param name the event name (trimmed; at most {@link EventLimits#MAX_NAME_BYTES} bytes)
 * @param type event, page or screen
 * @param dedupeId the sender's id for the event: a second event with the same id in the workspace
 *     is ignored; {@code null} when the sender gave none
 * @param occurredAt when it happened (the sender's timestamp, or receipt time)
 * @param data the event's properties
 * @param context the sender's context (Pipelines {@code context}: ip, library, device…), {@code
 *     null} when none
 * @param source which API received it ({@code track_v1}, {@code track_v2}, {@code pipelines})
 */
public record NewEvent(
    EventSubject subject,
    String name,
    EventType type,
    String dedupeId,
    Instant occurredAt,
    JsonObject data,
    JsonObject context,
    String source) {

  /** Requires everything but the dedupe id and context. */
  public NewEvent {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(source, "source");
  }

  /** The sender's event id, when given. */
  public Optional<String> dedupe() {
    return Optional.ofNullable(dedupeId);
  }
}
