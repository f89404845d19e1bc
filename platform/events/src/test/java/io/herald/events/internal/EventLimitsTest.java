package io.herald.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.events.api.EventLimits;
import io.herald.events.api.EventSubject;
import io.herald.events.api.EventType;
import io.herald.events.api.NewEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventLimitsTest {

  private static NewEvent event(EventSubject subject, JsonObject data) {
    return new NewEvent(subject, "n", EventType.EVENT, null, Instant.EPOCH, data, null, "t");
  }

  @Test
  void anAnonymousEventNeedsAnIdUnlessItIsAnInvitation() {
    assertThat(
            EventLimits.problems(
                event(new EventSubject.Anonymous(""), JsonValue.EMPTY_JSON_OBJECT)))
        .containsExactly("anonymous_id: required unless data.recipient names an invitee");
    assertThat(
            EventLimits.problems(
                event(
                    new EventSubject.Anonymous(""),
                    Json.createObjectBuilder().add("recipient", "friend@example.com").build())))
        .isEmpty();
    assertThat(
            EventLimits.problems(
                event(new EventSubject.Anonymous("a".repeat(151)), JsonValue.EMPTY_JSON_OBJECT)))
        .containsExactly("anonymous_id: must be 1 to 150 bytes");
  }

  @Test
  void objectIdentifiersAreBounded() {
    assertThat(
            EventLimits.problems(
                event(
                    new EventSubject.CustomObject("", "o".repeat(151)),
                    JsonValue.EMPTY_JSON_OBJECT)))
        .containsExactly(
            "object_type_id: must be 1 to 150 bytes", "object_id: must be 1 to 150 bytes");
  }

  @Test
  void aMultiByteNameCountsBytes() {
    assertThat(EventLimits.contentProblems("é".repeat(51), null, JsonValue.EMPTY_JSON_OBJECT))
        .containsExactly("name: longer than 100 bytes");
    assertThat(EventLimits.contentProblems("é".repeat(50), null, JsonValue.EMPTY_JSON_OBJECT))
        .isEmpty();
  }

  @Test
  void sizesAreUtf8BytesAsTheJdkEncodesThem() {
    for (String name :
        new String[] {"€".repeat(33), "🎉".repeat(25), "é".repeat(50), "\ud800".repeat(100)}) {
      assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(100);
      assertThat(EventLimits.problems(named(name))).as(name).isEmpty();
      assertThat(EventLimits.problems(named(name + "x")))
          .as(name)
          .hasSize(name.getBytes(StandardCharsets.UTF_8).length == 100 ? 1 : 0);
    }
    assertThat(EventLimits.problems(named("€".repeat(34))))
        .containsExactly("name: longer than 100 bytes");
    assertThat(EventLimits.problems(named("🎉".repeat(26))))
        .containsExactly("name: longer than 100 bytes");
  }

  @Test
  void dataIsMeasuredInBytesOfItsJsonUpToTheLimit() {
    // {"k":"…"} is 8 bytes around the value; "é" is 2 bytes in UTF-8.
    JsonObject atLimit = Json.createObjectBuilder().add("k", "é".repeat(49_996)).build();
    JsonObject over = Json.createObjectBuilder().add("k", "é".repeat(49_996) + "x").build();

    assertThat(atLimit.toString().getBytes(StandardCharsets.UTF_8)).hasSize(100_000);
    assertThat(EventLimits.problems(event(new EventSubject.Person("c"), atLimit))).isEmpty();
    assertThat(EventLimits.problems(event(new EventSubject.Person("c"), over)))
        .containsExactly("data: larger than 100000 bytes");
    assertThat(EventLimits.contentProblems("n", null, over))
        .containsExactly("data: larger than 100000 bytes");
  }

  @Test
  void anEventWritesItsJsonOnceAndKeepsIt() {
    JsonObject data = Json.createObjectBuilder().add("plan", "pro").add("n", 3).build();
    JsonObject context = Json.createObjectBuilder().add("ip", "10.0.0.1").build();
    NewEvent event = withContext(data, context);

    assertThat(event.dataJson()).isEqualTo("{\"plan\":\"pro\",\"n\":3}").isSameAs(event.dataJson());
    assertThat(event.contextJson())
        .isEqualTo("{\"ip\":\"10.0.0.1\"}")
        .isSameAs(event.contextJson());
    assertThat(event(new EventSubject.Person("c"), data).contextJson()).isNull();
    assertThat(event)
        .isEqualTo(withContext(data, context))
        .hasSameHashCodeAs(withContext(data, context))
        .isNotEqualTo(withContext(data, null));
  }

  private static NewEvent withContext(JsonObject data, JsonObject context) {
    return new NewEvent(
        new EventSubject.Person("c"),
        "n",
        EventType.EVENT,
        null,
        Instant.EPOCH,
        data,
        context,
        "t");
  }

  private static NewEvent named(String name) {
    return new NewEvent(
        new EventSubject.Person("c"),
        name,
        EventType.EVENT,
        null,
        Instant.EPOCH,
        JsonValue.EMPTY_JSON_OBJECT,
        null,
        "t");
  }
}
