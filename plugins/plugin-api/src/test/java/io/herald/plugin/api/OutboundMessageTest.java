package io.herald.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboundMessageTest {

  @Test
  void theBuilderSetsEveryField() {
    OutboundMessage.Attachment pdf =
        new OutboundMessage.Attachment(
            "invoice.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.US_ASCII));
    OutboundMessage message =
        OutboundMessage.builder("d-1", ChannelKind.EMAIL, "ada@example.com")
            .subject("Hi")
            .body("<p>Hi</p>")
            .text("Hi")
            .from("Acme <hello@acme.test>")
            .replyTo("help@acme.test")
            .headers(Map.of("List-Unsubscribe", "<https://h.test/u/1>"))
            .metadata(Map.of("delivery_id", "d-1"))
            .attachments(List.of(pdf))
            .build();

    assertThat(message.subject()).isEqualTo("Hi");
    assertThat(message.body()).isEqualTo("<p>Hi</p>");
    assertThat(message.text()).isEqualTo("Hi");
    assertThat(message.from()).isEqualTo("Acme <hello@acme.test>");
    assertThat(message.replyTo()).isEqualTo("help@acme.test");
    assertThat(message.headers()).containsEntry("List-Unsubscribe", "<https://h.test/u/1>");
    assertThat(message.metadata()).containsEntry("delivery_id", "d-1");
    assertThat(message.attachments()).containsExactly(pdf);
  }

  @Test
  @SuppressWarnings("deprecation")
  void theOneZeroConstructorLeavesTheNewFieldsEmpty() {
    OutboundMessage message =
        new OutboundMessage("d-1", ChannelKind.SMS, "+15550100", null, "hi", null, null);

    assertThat(message.text()).isEmpty();
    assertThat(message.from()).isEmpty();
    assertThat(message.replyTo()).isEmpty();
    assertThat(message.attachments()).isEmpty();
    assertThat(message.subject()).isEmpty();
    assertThat(message.headers()).isEmpty();
  }

  @Test
  void ccAndBccArriveThroughTheBuilderAndAreCopied() {
    List<String> cc = new java.util.ArrayList<>(List.of("boss@acme.test"));
    OutboundMessage message =
        OutboundMessage.builder("d-1", ChannelKind.EMAIL, "ada@example.com")
            .cc(cc)
            .bcc(List.of("audit@acme.test", "Archive <archive@acme.test>"))
            .build();
    cc.add("later@acme.test");

    assertThat(message.cc()).containsExactly("boss@acme.test");
    assertThat(message.bcc()).containsExactly("audit@acme.test", "Archive <archive@acme.test>");
    assertThat(OutboundMessage.builder("d-1", ChannelKind.EMAIL, "a@b.test").build().cc())
        .isEmpty();
  }

  @Test
  @SuppressWarnings("deprecation")
  void theOneOneConstructorLeavesCcAndBccEmpty() {
    OutboundMessage message =
        new OutboundMessage(
            "d-1", ChannelKind.EMAIL, "a@b.test", "s", "b", null, null, "t", "", "", null);

    assertThat(message.text()).isEqualTo("t");
    assertThat(message.cc()).isEmpty();
    assertThat(message.bcc()).isEmpty();
  }

  @Test
  void requiredFieldsAreChecked() {
    assertThatThrownBy(() -> OutboundMessage.builder(null, ChannelKind.SMS, "+1").build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("idempotencyKey");
    assertThatThrownBy(() -> OutboundMessage.builder("k", ChannelKind.SMS, null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("recipient");
  }

  @Test
  void attachmentsCopyTheirBytesAndNeverPrintThem() {
    byte[] bytes = "secret-content".getBytes(StandardCharsets.UTF_8);
    OutboundMessage.Attachment attachment =
        new OutboundMessage.Attachment("a.txt", "text/plain", bytes);
    bytes[0] = 'X';
    attachment.content()[1] = 'Y';

    assertThat(new String(attachment.content(), StandardCharsets.UTF_8))
        .isEqualTo("secret-content");
    assertThat(attachment.toString())
        .isEqualTo("Attachment[a.txt, text/plain, 14 bytes]")
        .doesNotContain("secret");
    assertThat(attachment)
        .isEqualTo(
            new OutboundMessage.Attachment(
                "a.txt", "text/plain", "secret-content".getBytes(StandardCharsets.UTF_8)));
  }
}
