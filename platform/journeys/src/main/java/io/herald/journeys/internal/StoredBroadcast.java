package io.herald.journeys.internal;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;

/** A journeys_broadcast row. */
record StoredBroadcast(
    long id,
    long workspaceId,
    long journeyId,
    long segmentId,
    JsonObject data,
    Instant sendAt,
    LocalDateTime localTime,
    Integer perMinute,
    String state,
    Instant nextAt,
    long audienceAfter,
    boolean audienceDone,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {

  static final String SENT = "sent";
  static final String CANCELLED = "cancelled";
}
