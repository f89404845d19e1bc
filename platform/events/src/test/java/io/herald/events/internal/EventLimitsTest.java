package io.herald.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.events.api.EventLimits;
import io.herald.events.api.EventSubject;
import io.herald.events.api.EventType;
import io.herald.events.api.NewEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
}
