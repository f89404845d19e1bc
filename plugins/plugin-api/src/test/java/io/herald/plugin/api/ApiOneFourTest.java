package io.herald.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What plugin API 1.4.0 added: payloads, response fields, invalid recipients, sender events. */
class ApiOneFourTest {

  private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void thePayloadIsADeepImmutableCopyWithoutNulls() {
    Map<String, Object> android = new HashMap<>();
    android.put("priority", "high");
    android.put("ttl_seconds", 3600);
    android.put("channel_id", null);
    List<Object> buttons = new ArrayList<>(List.of(Map.of("label", "OK")));
    Map<String, Object> payload = new HashMap<>();
    payload.put("android", android);
    payload.put("buttons", buttons);
    payload.put("mutable_content", true);
    payload.put("gone", null);

    OutboundMessage m =
        OutboundMessage.builder("k", ChannelKind.PUSH, "token").payload(payload).build();
    android.put("priority", "normal");
    buttons.add("late");

    assertThat(m.payload())
        .containsOnlyKeys("android", "buttons", "mutable_content")
        .containsEntry("mutable_content", true)
        .containsEntry("android", Map.of("priority", "high", "ttl_seconds", 3600))
        .containsEntry("buttons", List.of(Map.of("label", "OK")));
    assertThatThrownBy(() -> m.payload().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> copied = (Map<String, Object>) m.payload().get("android");
    assertThatThrownBy(() -> copied.put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void thePayloadRefusesWhatIsNotJson() {
    assertThatThrownBy(
            () ->
                OutboundMessage.builder("k", ChannelKind.PUSH, "t")
                    .payload(Map.of("data", Map.of("at", Instant.EPOCH)))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payload.data.at")
        .hasMessageContaining("java.time.Instant");
  }

  @Test
  void olderConstructorsLeaveThePayloadEmpty() {
    @SuppressWarnings("deprecation")
    OutboundMessage m =
        new OutboundMessage(
            "k",
            ChannelKind.SMS,
            "+15005550006",
            "",
            "hi",
            null,
            null,
            "",
            "",
            "",
            null,
            null,
            null);
    assertThat(m.payload()).isEmpty();
  }

  @Test
  void acceptedKeepsResponseFieldsAndTheOldConstructorNone() {
    DeliveryResult r = DeliveryResult.accepted("id-1", Map.of("status", 200, "body", Map.of()));

    assertThat(r)
        .isEqualTo(new DeliveryResult.Accepted("id-1", Map.of("status", 200, "body", Map.of())));
    assertThat(((DeliveryResult.Accepted) r).response()).containsEntry("status", 200);
    assertThat(new DeliveryResult.Accepted("id-2").response()).isEmpty();
    assertThat(DeliveryResult.accepted("id-2")).isEqualTo(new DeliveryResult.Accepted("id-2"));
  }

  @Test
  void anInvalidRecipientNeedsAReason() {
    assertThat(DeliveryResult.invalidRecipient("UNREGISTERED"))
        .isEqualTo(new DeliveryResult.InvalidRecipient("UNREGISTERED"));
    assertThatThrownBy(() -> DeliveryResult.invalidRecipient(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void senderEventsNameTheSenderAndNoDelivery() {
    DeliveryEvent stop = DeliveryEvent.unsubscribed("+15005550006", "STOP", AT);
    DeliveryEvent start = DeliveryEvent.resubscribed("+15005550006", "START", AT);
    DeliveryEvent reply = DeliveryEvent.replied("SM1", "+15005550006", "thanks", AT);

    assertThat(stop.kind()).isEqualTo(DeliveryEvent.Kind.UNSUBSCRIBED);
    assertThat(stop.providerMessageId()).isEmpty();
    assertThat(stop.recipient()).isEqualTo("+15005550006");
    assertThat(start.kind()).isEqualTo(DeliveryEvent.Kind.RESUBSCRIBED);
    assertThat(reply.providerMessageId()).isEqualTo("SM1");
    assertThat(reply.detail()).isEqualTo("thanks");
    assertThat(reply.permanent()).isFalse();
  }

  @Test
  void aCallbackKnowsTheUrlTheProviderCalled() {
    InboundCallback c =
        new InboundCallback(
            "get",
            "/status/",
            null,
            Map.of("a", List.of("1")),
            null,
            null,
            "10.0.0.1",
            "https://herald.example/callbacks/t/status?a=1");
    @SuppressWarnings("deprecation")
    InboundCallback old = new InboundCallback("GET", "status", null, null, null, null, null);

    assertThat(c.method()).isEqualTo("GET");
    assertThat(c.url()).isEqualTo("https://herald.example/callbacks/t/status?a=1");
    assertThat(old.url()).isEmpty();
    assertThat(c).isNotEqualTo(old);
  }
}
