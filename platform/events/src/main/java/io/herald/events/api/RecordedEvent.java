package io.herald.events.api;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * A committed event.
 *
 * @param id its position in the change feed
 * @param workspaceId the workspace's numeric id
 * @param subject whom it is about (an anonymous event joins a person once they are identified)
 * @param name the event name
 * @param type event, page or screen
 * @param dedupeId the sender's id, {@code null} when none
 * @param occurredAt when it happened
 * @param receivedAt when Herald received it
 * @param data the event's properties
 * @param context the sender's context, {@code null} when none
 * @param source which API received it
 */
public record RecordedEvent(
    long id,
    long workspaceId,
    EventSubject subject,
    String name,
    EventType type,
    String dedupeId,
    Instant occurredAt,
    Instant receivedAt,
    JsonObject data,
    JsonObject context,
    String source) {

  /** Its header: what the change feed gives before an event is read whole. */
  public EventHeader header() {
    return new EventHeader(id, workspaceId, subject, name, occurredAt);
  }
}
