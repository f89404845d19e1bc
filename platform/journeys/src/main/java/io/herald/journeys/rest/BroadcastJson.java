package io.herald.journeys.rest;

import io.herald.journeys.api.ApiTriggerError;
import io.herald.journeys.api.ApiTriggerErrorPage;
import io.herald.journeys.api.ApiTriggerView;
import io.herald.journeys.api.BroadcastRequest;
import io.herald.journeys.api.BroadcastView;
import io.herald.journeys.api.InvalidJourneyException;
import io.herald.shared.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Herald's broadcast body ({@code segment_id}, {@code data}, {@code send_at} or {@code local_time},
 * {@code per_minute}) and the broadcast and API-trigger answers.
 */
final class BroadcastJson {

  /** Largest rate limit (people a minute). */
  static final int MAX_PER_MINUTE = 1_000_000;

  private static final Set<String> FIELDS =
      Set.of("segment_id", "data", "send_at", "local_time", "per_minute");

  private BroadcastJson() {}

  static BroadcastRequest request(JsonObject body) {
    List<String> problems = new ArrayList<>();
    for (String key : body.keySet()) {
      if (!FIELDS.contains(key)) {
        problems.add(key + ": unknown field");
      }
    }
    long segment = 0;
    if (!body.containsKey("segment_id")) {
      problems.add("segment_id: required");
    } else if (body.get("segment_id") instanceof JsonNumber n
        && n.isIntegral()
        && n.bigIntegerValue().signum() > 0
        && n.bigIntegerValue().bitLength() < 63) {
      segment = n.longValue();
    } else {
      problems.add("segment_id: must be a positive whole number");
    }
    JsonObject data = JsonValue.EMPTY_JSON_OBJECT;
    JsonValue d = body.get("data");
    if (d != null && d.getValueType() != JsonValue.ValueType.NULL) {
      if (d instanceof JsonObject o) {
        data = o;
      } else {
        problems.add("data: must be an object");
      }
    }
    Instant sendAt = null;
    JsonValue s = body.get("send_at");
    if (s != null && s.getValueType() != JsonValue.ValueType.NULL) {
      if (s instanceof JsonNumber n
          && n.isIntegral()
          && n.bigIntegerValue().signum() >= 0
          && n.bigIntegerValue().bitLength() < 40) {
        sendAt = Instant.ofEpochSecond(n.longValue());
      } else {
        problems.add("send_at: must be a whole number of seconds since 1970-01-01T00:00:00Z");
      }
    }
    LocalDateTime local = null;
    JsonValue l = body.get("local_time");
    if (l != null && l.getValueType() != JsonValue.ValueType.NULL) {
      try {
        if (!(l instanceof JsonString text)) {
          throw new DateTimeParseException("not a string", "", 0);
        }
        local = LocalDateTime.parse(text.getString());
      } catch (DateTimeParseException e) {
        problems.add("local_time: must be a local date and time like 2026-12-24T09:00");
      }
    }
    if (sendAt != null && local != null) {
      problems.add("send_at and local_time: give one or neither (neither sends now)");
    }
    Integer perMinute = null;
    JsonValue p = body.get("per_minute");
    if (p != null && p.getValueType() != JsonValue.ValueType.NULL) {
      if (p instanceof JsonNumber n
          && n.isIntegral()
          && n.bigIntegerValue().signum() > 0
          && n.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(MAX_PER_MINUTE)) <= 0) {
        perMinute = n.intValue();
      } else {
        problems.add("per_minute: must be a whole number from 1 to " + MAX_PER_MINUTE);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidJourneyException(problems);
    }
    return new BroadcastRequest(segment, data, sendAt, local, perMinute);
  }

  static JsonObject broadcast(BroadcastView b) {
    return Jsons.createObjectBuilder()
        .add("id", b.id())
        .add("campaign_id", b.journeyId())
        .add("segment_id", b.segmentId())
        .add("state", b.state())
        .add("send_at", seconds(b.sendAt()))
        .add(
            "local_time",
            b.localTime() == null ? JsonValue.NULL : Jsons.createValue(b.localTime().toString()))
        .add(
            "per_minute", b.perMinute() == null ? JsonValue.NULL : Jsons.createValue(b.perMinute()))
        .add("audience", b.audience())
        .add("audience_complete", b.audienceComplete())
        .add("queued", b.queued())
        .add("entered", b.entered())
        .add("skipped", b.skipped())
        .add("sent", b.sent())
        .add("failed", b.failed())
        .add("created", b.createdAt().getEpochSecond())
        .add("started", seconds(b.startedAt()))
        .add("finished", seconds(b.finishedAt()))
        .build();
  }

  /**
   * Customer.io's trigger status: id, broadcast_id, created_at, processed_at (+ Herald's counts).
   */
  static JsonObject trigger(ApiTriggerView t) {
    JsonObjectBuilder b =
        Jsons.createObjectBuilder()
            .add("id", t.id())
            .add("broadcast_id", t.journeyId())
            .add("created_at", t.createdAt().getEpochSecond())
            // Herald enters the audience while answering the POST: processed when created.
            .add("processed_at", t.createdAt().getEpochSecond())
            .add("processed", true)
            .add("people", t.people())
            .add("entered", t.entered())
            .add("errors", t.errors());
    return b.build();
  }

  /**
   * Customer.io's broadcast trigger errors: {@code {"errors":[{"batch_index","reason","field",
   * "message"}],"next"}} ({@code next} empty on the last page).
   */
  static JsonObject triggerErrors(ApiTriggerErrorPage page) {
    JsonArrayBuilder errors = Jsons.createArrayBuilder();
    for (ApiTriggerError e : page.errors()) {
      errors.add(
          Jsons.createObjectBuilder()
              .add("batch_index", e.batchIndex())
              .add("reason", e.reason())
              .add("field", e.field())
              .add("message", e.message()));
    }
    return Jsons.createObjectBuilder().add("errors", errors).add("next", page.next()).build();
  }

  private static JsonValue seconds(Instant at) {
    return at == null ? JsonValue.NULL : Jsons.createValue(at.getEpochSecond());
  }
}
