package io.herald.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTimeTest {

  private static final Instant RECEIVED = Instant.parse("2026-11-29T12:00:10Z");

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void aClockThatRunsAheadIsCorrectedBySentAt() {
    // The device clock is 1 hour ahead: it stamped the event 10 s before sending it.
    JsonObject message =
        json("{\"timestamp\":\"2026-11-29T13:00:00Z\",\"sentAt\":\"2026-11-29T13:00:10Z\"}");
    List<String> problems = new ArrayList<>();

    assertThat(MessageTime.occurredAt(message, null, RECEIVED, problems))
        .isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
    assertThat(problems).isEmpty();
  }

  @Test
  void theBatchsSentAtAppliesToItsItemsAndOriginalTimestampIsAFallback() {
    JsonObject envelope = json("{\"sentAt\":\"2026-11-29T11:00:10.000Z\"}");
    JsonObject item = json("{\"originalTimestamp\":\"2026-11-29T11:00:05.000Z\"}");

    assertThat(MessageTime.occurredAt(item, envelope, RECEIVED, new ArrayList<>()))
        .isEqualTo(Instant.parse("2026-11-29T12:00:05Z"));
  }

  @Test
  void withoutSentAtTheTimestampIsTakenAsIsAndWithoutEitherItIsTheReceiptTime() {
    assertThat(
            MessageTime.occurredAt(
                json("{\"timestamp\":\"2024-01-01T00:00:00.000Z\"}"),
                null,
                RECEIVED,
                new ArrayList<>()))
        .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(MessageTime.occurredAt(json("{}"), null, RECEIVED, new ArrayList<>()))
        .isEqualTo(RECEIVED);
  }

  @Test
  void aTimestampThatIsNotIso8601IsAProblemNamingTheField() {
    List<String> problems = new ArrayList<>();
    MessageTime.occurredAt(json("{\"timestamp\":1700000000}"), null, RECEIVED, problems);
    MessageTime.occurredAt(json("{\"sentAt\":\"yesterday\"}"), null, RECEIVED, problems);

    assertThat(problems)
        .containsExactly(
            "timestamp: must be an ISO-8601 date-time string",
            "sentAt: must be an ISO-8601 date-time string");
  }
}
