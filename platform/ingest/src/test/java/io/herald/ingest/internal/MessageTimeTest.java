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

    assertThat(MessageTime.occurredAt(message, MessageTime.BatchSentAt.NONE, RECEIVED, problems))
        .isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
    assertThat(problems).isEmpty();
  }

  @Test
  void theBatchsSentAtAppliesToItsItemsAndOriginalTimestampIsAFallback() {
    JsonObject envelope = json("{\"sentAt\":\"2026-11-29T11:00:10.000Z\"}");
    JsonObject item = json("{\"originalTimestamp\":\"2026-11-29T11:00:05.000Z\"}");

    assertThat(
            MessageTime.occurredAt(
                item, MessageTime.BatchSentAt.of(envelope), RECEIVED, new ArrayList<>()))
        .isEqualTo(Instant.parse("2026-11-29T12:00:05Z"));
  }

  @Test
  void withoutSentAtTheTimestampIsTakenAsIsAndWithoutEitherItIsTheReceiptTime() {
    assertThat(
            MessageTime.occurredAt(
                json("{\"timestamp\":\"2024-01-01T00:00:00.000Z\"}"),
                MessageTime.BatchSentAt.NONE,
                RECEIVED,
                new ArrayList<>()))
        .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(
            MessageTime.occurredAt(
                json("{}"), MessageTime.BatchSentAt.NONE, RECEIVED, new ArrayList<>()))
        .isEqualTo(RECEIVED);
  }

  @Test
  void aTimestampThatIsNotIso8601IsAProblemNamingTheField() {
    List<String> problems = new ArrayList<>();
    MessageTime.occurredAt(
        json("{\"timestamp\":1700000000}"), MessageTime.BatchSentAt.NONE, RECEIVED, problems);
    MessageTime.occurredAt(
        json("{\"sentAt\":\"yesterday\"}"), MessageTime.BatchSentAt.NONE, RECEIVED, problems);

    assertThat(problems)
        .containsExactly(
            "timestamp: must be an ISO-8601 date-time string",
            "sentAt: must be an ISO-8601 date-time string");
  }

  @Test
  void aBatchsSentAtThatIsNotIso8601IsAProblemOfEachItemThatHasNoSentAtOfItsOwn() {
    MessageTime.BatchSentAt batch = MessageTime.BatchSentAt.of(json("{\"sentAt\":\"soon\"}"));
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    List<String> own = new ArrayList<>();

    MessageTime.occurredAt(json("{}"), batch, RECEIVED, first);
    MessageTime.occurredAt(json("{}"), batch, RECEIVED, second);
    Instant at =
        MessageTime.occurredAt(
            json("{\"timestamp\":\"2026-11-29T11:00:00Z\",\"sentAt\":\"2026-11-29T11:00:10Z\"}"),
            batch,
            RECEIVED,
            own);

    assertThat(first).containsExactly("sentAt: must be an ISO-8601 date-time string");
    assertThat(second).isEqualTo(first);
    assertThat(own).isEmpty();
    assertThat(at).isEqualTo(Instant.parse("2026-11-29T12:00:00Z"));
  }
}
