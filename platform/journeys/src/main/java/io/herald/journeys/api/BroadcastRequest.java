package io.herald.journeys.api;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A broadcast of an API-triggered journey to a segment's members.
 *
 * @param segmentId the audience: a data-driven or manual segment (a list)
 * @param data every run's trigger data ({@code {{trigger.*}}}), never null
 * @param sendAt when to start, null for now (and for {@code localTime})
 * @param localTime a local date-time: each person enters when it is that time in their {@code
 *     timezone} attribute (else the workspace's zone); those whose time has passed enter at once.
 *     Null to send at {@code sendAt}
 * @param perMinute at most this many people entered a minute, null for no limit
 */
public record BroadcastRequest(
    long segmentId, JsonObject data, Instant sendAt, LocalDateTime localTime, Integer perMinute) {

  /** Checks the exclusive options. */
  public BroadcastRequest {
    if (sendAt != null && localTime != null) {
      throw new IllegalArgumentException("send_at and local_time exclude each other");
    }
    if (perMinute != null && perMinute < 1) {
      throw new IllegalArgumentException("per_minute must be at least 1");
    }
  }
}
