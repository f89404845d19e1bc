package io.herald.events.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.events.api.EventSubject;
import io.herald.events.api.EventType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrackEventBodyTest {

  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void readsTheOfficialClientsEventBody() {
    TrackEventBody body =
        TrackEventBody.parse(
            json(
                "{\"name\":\"EVENT_NAME\",\"data\":{\"price\":9.99,\"sku\":\"SKU\"},"
                    + "\"timestamp\":1700000000,\"id\":\"EVENT_ULID\"}"),
            NOW);

    assertThat(body.problems()).isEmpty();
    var event = body.about(new EventSubject.Person("c1"), "track_v1");
    assertThat(event.name()).isEqualTo("EVENT_NAME");
    assertThat(event.type()).isEqualTo(EventType.EVENT);
    assertThat(event.dedupeId()).isEqualTo("EVENT_ULID");
    assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000));
    assertThat(event.data().getJsonNumber("price").doubleValue()).isEqualTo(9.99);
  }

  @Test
  void trimsTheNameAndDefaultsTypeAndTime() {
    TrackEventBody body = TrackEventBody.parse(json("{\"name\":\"  signed up \"}"), NOW);

    assertThat(body.name()).isEqualTo("signed up");
    assertThat(body.type()).isEqualTo(EventType.EVENT);
    assertThat(body.occurredAt()).isEqualTo(NOW);
    assertThat(body.data()).isEmpty();
  }

  @Test
  void pageAndScreenTypes() {
    assertThat(TrackEventBody.parse(json("{\"name\":\"/p\",\"type\":\"page\"}"), NOW).type())
        .isEqualTo(EventType.PAGE);
    assertThat(TrackEventBody.parse(json("{\"name\":\"S\",\"type\":\"screen\"}"), NOW).type())
        .isEqualTo(EventType.SCREEN);
  }

  @Test
  void namesEveryWrongField() {
    TrackEventBody body =
        TrackEventBody.parse(
            json(
                "{\"name\":7,\"type\":\"click\",\"id\":5,\"timestamp\":\"yesterday\","
                    + "\"data\":[1]}"),
            NOW);

    assertThat(body.problems())
        .containsExactlyInAnyOrder(
            "name: must be a string",
            "type: must be one of event, page, screen",
            "id: must be a string",
            "timestamp: must be a whole number of Unix seconds",
            "data: must be an object");
  }

  @Test
  void missingOrBlankNameAndMillisecondTimestamps() {
    assertThat(TrackEventBody.parse(json("{}"), NOW).problems()).containsExactly("name: required");
    assertThat(TrackEventBody.parse(json("{\"name\":\"  \"}"), NOW).problems())
        .containsExactly("name: required and must not be blank");
    assertThat(
            TrackEventBody.parse(json("{\"name\":\"x\",\"timestamp\":1700000000000}"), NOW)
                .problems())
        .singleElement()
        .asString()
        .startsWith("timestamp: must be Unix seconds");
  }

  @Test
  void enforcesCustomerIoLimits() {
    String longName = "n".repeat(101);
    String bigData = "{\"blob\":\"" + "x".repeat(100_001) + "\"}";
    TrackEventBody body =
        TrackEventBody.parse(json("{\"name\":\"" + longName + "\",\"data\":" + bigData + "}"), NOW);

    assertThat(body.problems())
        .containsExactlyInAnyOrder("name: longer than 100 bytes", "data: larger than 100000 bytes");
  }
}
