package io.herald.events.api;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An event to record: an immutable value (a class rather than a record only so that the JSON text
 * of its data and context is written once, when first asked for, and shared by the size check and
 * the insert).
 */
public final class NewEvent {

  private final EventSubject subject;
  private final String name;
  private final EventType type;
  private final String dedupeId;
  private final Instant occurredAt;
  private final JsonObject data;
  private final JsonObject context;
  private final String source;
  private volatile String dataJson;
  private volatile String contextJson;

  /**
   * Requires everything but the dedupe id and context.
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
  public NewEvent(
      EventSubject subject,
      String name,
      EventType type,
      String dedupeId,
      Instant occurredAt,
      JsonObject data,
      JsonObject context,
      String source) {
    this.subject = Objects.requireNonNull(subject, "subject");
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.dedupeId = dedupeId;
    this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    this.data = Objects.requireNonNull(data, "data");
    this.context = context;
    this.source = Objects.requireNonNull(source, "source");
  }

  public EventSubject subject() {
    return subject;
  }

  public String name() {
    return name;
  }

  public EventType type() {
    return type;
  }

  public String dedupeId() {
    return dedupeId;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public JsonObject data() {
    return data;
  }

  public JsonObject context() {
    return context;
  }

  public String source() {
    return source;
  }

  /** The sender's event id, when given. */
  public Optional<String> dedupe() {
    return Optional.ofNullable(dedupeId);
  }

  /** {@link #data()} as JSON text, written on the first call. */
  public String dataJson() {
    String json = dataJson;
    if (json == null) {
      json = data.toString();
      dataJson = json;
    }
    return json;
  }

  /** {@link #context()} as JSON text, written on the first call; {@code null} when none. */
  public String contextJson() {
    String json = contextJson;
    if (json == null && context != null) {
      json = context.toString();
      contextJson = json;
    }
    return json;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NewEvent e
        && subject.equals(e.subject)
        && name.equals(e.name)
        && type == e.type
        && Objects.equals(dedupeId, e.dedupeId)
        && occurredAt.equals(e.occurredAt)
        && data.equals(e.data)
        && Objects.equals(context, e.context)
        && source.equals(e.source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(subject, name, type, dedupeId, occurredAt, data, context, source);
  }

  @Override
  public String toString() {
    return "NewEvent[subject="
        + subject
        + ", name="
        + name
        + ", type="
        + type
        + ", dedupeId="
        + dedupeId
        + ", occurredAt="
        + occurredAt
        + ", data="
        + dataJson()
        + ", context="
        + context
        + ", source="
        + source
        + "]";
  }
}
