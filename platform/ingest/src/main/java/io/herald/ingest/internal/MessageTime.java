package io.herald.ingest.internal;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a Pipelines message happened, with the Segment spec's clock-skew correction: a device whose
 * clock is off stamps both {@code timestamp} (or {@code originalTimestamp}) and {@code sentAt}
 * wrongly by the same amount, so {@code receivedAt - (sentAt - timestamp)} is the true time.
 */
final class MessageTime {

  private MessageTime() {}

  /**
   * A batch body's {@code sentAt}, read once for all its messages.
   *
   * @param problem what is wrong with it, {@code null} when nothing
   */
  record BatchSentAt(Optional<Instant> sentAt, String problem) {

    static final BatchSentAt NONE = new BatchSentAt(Optional.empty(), null);

    /** {@code envelope}'s {@code sentAt}; {@link #NONE} for a single call ({@code null}). */
    static BatchSentAt of(JsonObject envelope) {
      if (envelope == null) {
        return NONE;
      }
      List<String> problems = new ArrayList<>(1);
      Optional<Instant> sentAt = instant(envelope, "sentAt", problems);
      return new BatchSentAt(sentAt, problems.isEmpty() ? null : problems.get(0));
    }
  }

  static Instant occurredAt(
      JsonObject message, BatchSentAt batch, Instant receivedAt, List<String> problems) {
    Optional<Instant> timestamp = instant(message, "timestamp", problems);
    if (timestamp.isEmpty()) {
      timestamp = instant(message, "originalTimestamp", problems);
    }
    Optional<Instant> sentAt = instant(message, "sentAt", problems);
    if (sentAt.isEmpty()) {
      sentAt = batch.sentAt();
      if (batch.problem() != null) {
        problems.add(batch.problem());
      }
    }
    if (timestamp.isEmpty()) {
      return receivedAt;
    }
    if (sentAt.isEmpty()) {
      return timestamp.get();
    }
    return receivedAt.minus(Duration.between(timestamp.get(), sentAt.get()));
  }

  /** An ISO-8601 member; a problem naming the field when it is something else. */
  static Optional<Instant> instant(JsonObject object, String field, List<String> problems) {
    JsonValue value = object.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      problems.add(field + ": must be an ISO-8601 date-time string");
      return Optional.empty();
    }
    try {
      return Optional.of(IsoDateTimes.parse(((JsonString) value).getString()));
    } catch (DateTimeParseException e) {
      problems.add(field + ": must be an ISO-8601 date-time string");
      return Optional.empty();
    }
  }
}
