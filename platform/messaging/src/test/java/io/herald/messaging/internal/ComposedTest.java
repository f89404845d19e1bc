package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.OutboundMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposedTest {

  @Test
  void theStoredJsonGivesBackTheSameMessageForThePlugin() {
    Composed composed =
        new Composed(
            "Shop <shop@x.io>",
            "help@x.io",
            "Hi Ada",
            "<p>Hi</p>",
            "Hi",
            Map.of("X-Tag", "t"),
            List.of(
                new Composed.File(
                    "a.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.US_ASCII))));

    OutboundMessage message = Composed.fromJson(composed.toJson()).toOutbound("d-123", "ada@x.io");

    assertThat(message.idempotencyKey()).isEqualTo("d-123");
    assertThat(message.channel()).isEqualTo(ChannelKind.EMAIL);
    assertThat(message.recipient()).isEqualTo("ada@x.io");
    assertThat(message.from()).isEqualTo("Shop <shop@x.io>");
    assertThat(message.replyTo()).isEqualTo("help@x.io");
    assertThat(message.subject()).isEqualTo("Hi Ada");
    assertThat(message.body()).isEqualTo("<p>Hi</p>");
    assertThat(message.text()).isEqualTo("Hi");
    assertThat(message.headers()).containsExactly(Map.entry("X-Tag", "t"));
    assertThat(message.metadata()).containsEntry("delivery_id", "d-123");
    assertThat(message.attachments())
        .containsExactly(
            new OutboundMessage.Attachment(
                "a.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void copyRecipientsSurviveStorageAndFakeBccCopiesLoseThemAndTheUnsubscribeHeaders() {
    Composed composed =
        new Composed(
            "shop@x.io",
            "",
            "Hi",
            "<p>Hi</p>",
            "Hi",
            Map.of(
                "List-Unsubscribe", "<https://h.test/unsubscribe/d-1>",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click",
                "X-Tag", "t"),
            null,
            List.of("boss@x.io"),
            List.of("audit@x.io"));

    OutboundMessage message = Composed.fromJson(composed.toJson()).toOutbound("d-1", "ada@x.io");
    assertThat(message.cc()).containsExactly("boss@x.io");
    assertThat(message.bcc()).containsExactly("audit@x.io");

    OutboundMessage copy = composed.fakeBccCopy().toOutbound("d-2", "audit@x.io");
    assertThat(copy.cc()).isEmpty();
    assertThat(copy.bcc()).isEmpty();
    assertThat(copy.headers()).containsExactly(Map.entry("X-Tag", "t"));
    assertThat(copy.body()).isEqualTo("<p>Hi</p>");

    // Content stored before cc/bcc existed reads back with none.
    assertThat(
            Composed.fromJson(
                    "{\"from\":\"a@x.io\",\"replyTo\":\"\",\"subject\":\"s\",\"html\":\"h\","
                        + "\"text\":\"t\",\"headers\":{},\"attachments\":[]}")
                .cc())
        .isEmpty();
  }

  @Test
  void retriesBackOffExponentiallyUpToAnHour() {
    assertThat(OutcomeRecorder.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(OutcomeRecorder.backoff(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(OutcomeRecorder.backoff(3)).isEqualTo(Duration.ofMinutes(2));
    assertThat(OutcomeRecorder.backoff(8)).isEqualTo(Duration.ofHours(1));
    assertThat(OutcomeRecorder.backoff(40)).isEqualTo(Duration.ofHours(1));
  }
}
