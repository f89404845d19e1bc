package io.herald.app.messaging;

import static io.herald.app.messaging.TransactionalCalls.parts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The transactional email path end to end: a transactional message with Liquid, {@code POST
 * /v1/send/email} as Customer.io's clients send it, the mail as GreenMail receives it (parts,
 * headers, cc and bcc), strict rendering errors, dropped deliveries and the delivery log. Request
 * errors are in {@link EmailSendErrorsIT}, the SMTP setting's secret in {@link
 * EmailChannelSecretIT}.
 */
class TransactionalEmailIT extends EmailContainerTest {

  @Test
  void aTransactionalMessageIsRenderedSentOverSmtpAndLogged() throws Exception {
    String id = unique("tx-ada");
    String email = id + "@example.com";
    calls.identify(id, "{\"email\":\"" + email + "\",\"first_name\":\"Ada\"}");
    String trigger = unique("welcome");
    long messageId =
        calls.createMessage(
            "{\"name\":\"Welcome\",\"trigger_name\":\""
                + trigger
                + "\",\"subject\":\"Hi {{customer.first_name}}\","
                + "\"preheader\":\"Your order {{trigger.order_id}}\","
                + "\"body\":\"<html><body><p>Hello {{customer.first_name}}, order"
                + " {{trigger.order_id}}</p></body></html>\"}");

    String pdf =
        Base64.getEncoder().encodeToString("%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII));
    String deliveryId =
        calls.send(
            "{\"transactional_message_id\":\""
                + trigger
                + "\",\"identifiers\":{\"id\":\""
                + id
                + "\"},\"message_data\":{\"order_id\":\"A-1\"},"
                + "\"headers\":{\"X-Campaign\":\"welcome\"},"
                + "\"attachments\":{\"receipt.pdf\":\""
                + pdf
                + "\"}}");

    MimeMessage mail = received(1).get(0);
    assertThat(mail.getSubject()).isEqualTo("Hi Ada");
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
    assertThat(mail.getFrom()[0].toString()).contains("noreply@herald.test");
    assertThat(mail.getHeader("X-Campaign")).containsExactly("welcome");
    assertThat(mail.getMessageID()).contains(deliveryId);
    String all = parts(mail).toString();
    assertThat(all).contains("Hello Ada, order A-1").contains("Your order A-1");
    assertThat(all).contains("text/plain").contains("text/html").contains("receipt.pdf");

    JsonNode logged = calls.awaitState(deliveryId, "sent");
    assertThat(logged.path("type").asText()).isEqualTo("email");
    assertThat(logged.path("recipient").asText()).isEqualTo(email);
    assertThat(logged.path("subject").asText()).isEqualTo("Hi Ada");
    assertThat(logged.path("transactional_message_id").asLong()).isEqualTo(messageId);
    assertThat(logged.path("metrics").path("sent").asLong()).isPositive();
    assertThat(logged.path("provider_message_id").asText()).isEqualTo(mail.getMessageID());

    Answer history = http().get("v1/customers/" + id + "/messages", Http.app());
    assertThat(history.status()).as(history.body()).isEqualTo(200);
    assertThat(history.json().path("messages").get(0).path("id").asText()).isEqualTo(deliveryId);
  }

  @Test
  void inlineContentNeedsNoTemplateAndByIdWorksToo() throws Exception {
    String id = unique("tx-inline");
    calls.identify(id, "{\"email\":\"" + id + "@example.com\"}");
    String deliveryId =
        calls.send(
            "{\"identifiers\":{\"email\":\""
                + id
                + "@example.com\"},\"from\":\"Shop <shop@herald.test>\",\"reply_to\":"
                + "\"help@herald.test\",\"subject\":\"Code {{trigger.code}}\",\"body\":"
                + "\"<p>Your code is {{trigger.code}}</p>\",\"body_plain\":\"Code:"
                + " {{trigger.code}}\",\"message_data\":{\"code\":4711}}");

    MimeMessage mail = received(1).get(0);
    assertThat(mail.getSubject()).isEqualTo("Code 4711");
    assertThat(mail.getFrom()[0].toString()).contains("shop@herald.test");
    assertThat(mail.getReplyTo()[0].toString()).contains("help@herald.test");
    assertThat(parts(mail).toString()).contains("Code: 4711").contains("Your code is 4711");
    calls.awaitState(deliveryId, "sent");
  }

  @Test
  void aMissingVariableFailsTheDeliveryWithTheFieldLineAndVariable() {
    String id = unique("tx-missing");
    calls.identify(id, "{\"email\":\"" + id + "@example.com\"}");
    long messageId =
        calls.createMessage(
            "{\"name\":\"Strict\",\"subject\":\"Hello\",\"body\":\"<p>Hi</p>\\n<p>"
                + "{{customer.nickname}}</p>\"}");

    String deliveryId =
        calls.send(
            "{\"transactional_message_id\":"
                + messageId
                + ",\"identifiers\":{\"id\":\""
                + id
                + "\"}}");

    JsonNode logged = calls.message(deliveryId);
    assertThat(logged.path("state").asText()).isEqualTo("failed");
    assertThat(logged.path("failure_message").asText())
        .contains("body")
        .contains("line 2")
        .contains("customer.nickname");
    assertThat(logged.path("metrics").has("failed")).isTrue();
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void unsubscribedAndOptedOutPeopleGetNothingAndTheLogSaysWhy() {
    String topic = createTopic("{\"name\":\"Opt-out news\"}").path("identifier").asText();
    String id = unique("tx-unsub");
    calls.identify(
        id,
        "{\"email\":\""
            + id
            + "@example.com\",\"unsubscribed\":true,\"cio_subscription_preferences\":"
            + "{\"topics\":{\""
            + topic
            + "\":false}}}");
    long plain =
        calls.createMessage(
            "{\"name\":\"News\",\"subject\":\"News\",\"body\":\"<p>News</p>\","
                + "\"send_to_unsubscribed\":false}");
    long topical =
        calls.createMessage(
            "{\"name\":\"Topical\",\"subject\":\"T\",\"body\":\"<p>T</p>\",\"topic_id\":\""
                + topic
                + "\"}");

    String unsubscribed =
        calls.send(
            "{\"transactional_message_id\":" + plain + ",\"identifiers\":{\"id\":\"" + id + "\"}}");
    String optedOut =
        calls.send(
            "{\"transactional_message_id\":"
                + topical
                + ",\"identifiers\":{\"id\":\""
                + id
                + "\"}}");
    // Customer.io's default for transactional messages: they still reach unsubscribed people.
    String overridden =
        calls.send(
            "{\"transactional_message_id\":"
                + plain
                + ",\"send_to_unsubscribed\":true,\"identifiers\":{\"id\":\""
                + id
                + "\"}}");

    assertThat(calls.message(unsubscribed).path("state").asText()).isEqualTo("dropped");
    assertThat(calls.message(unsubscribed).path("failure_message").asText())
        .isEqualTo("unsubscribed");
    assertThat(calls.message(optedOut).path("state").asText()).isEqualTo("dropped");
    assertThat(calls.message(optedOut).path("failure_message").asText()).contains(topic);
    calls.awaitState(overridden, "sent");
    assertThat(received(1)).hasSize(1);
  }

  @Test
  void aSuppressedIdentifierGetsADroppedDelivery() {
    String id = unique("tx-supp");
    calls.identify(id, "{\"email\":\"" + id + "@example.com\"}");
    Answer suppressed = http().post("api/v1/customers/" + id + "/suppress", Http.track(), "");
    assertThat(suppressed.status()).as(suppressed.body()).isEqualTo(200);

    String deliveryId =
        calls.send(
            "{\"identifiers\":{\"id\":\""
                + id
                + "\"},\"to\":\""
                + id
                + "@example.com\",\"from\":\"a@herald.test\",\"subject\":\"S\",\"body\":\"B\"}");

    assertThat(calls.message(deliveryId).path("state").asText()).isEqualTo("dropped");
    assertThat(calls.message(deliveryId).path("failure_message").asText()).isEqualTo("suppressed");
  }

  @Test
  void ccIsAHeaderBccOnlyAnEnvelopeRecipientAndFakeBccSendsSeparateCopies() throws Exception {
    String id = unique("tx-cc");
    calls.identify(id, "{\"email\":\"" + id + "@example.com\"}");
    String boss = unique("boss") + "@example.com";
    String audit = unique("audit") + "@example.com";
    String deliveryId =
        calls.send(
            "{\"identifiers\":{\"id\":\""
                + id
                + "\"},\"from\":\"shop@herald.test\",\"subject\":\"Copies\",\"body\":\"<p>C</p>\","
                + "\"cc\":\"Boss <"
                + boss
                + ">\",\"bcc\":\""
                + audit
                + "\"}");
    List<MimeMessage> copies = received(3);
    assertThat(copies).hasSize(3);
    for (MimeMessage copy : copies) {
      assertThat(copy.getHeader("Cc")).singleElement().asString().contains(boss);
      assertThat(copy.getHeader("Bcc")).isNull();
      assertThat(String.join("\n", java.util.Collections.list(copy.getAllHeaderLines())))
          .doesNotContain(audit);
    }
    assertThat(smtp.getUserManager().getUserByEmail(audit)).isNotNull();
    assertThat(smtp.getUserManager().getUserByEmail(boss)).isNotNull();
    calls.awaitState(deliveryId, "sent");

    smtp.purgeEmailFromAllMailboxes();
    String fakeAudit = unique("fake-audit") + "@example.com";
    String faked =
        calls.send(
            "{\"identifiers\":{\"id\":\""
                + id
                + "\"},\"from\":\"shop@herald.test\",\"subject\":\"Faked\",\"body\":\"<p>F</p>\","
                + "\"bcc\":\""
                + fakeAudit
                + "\",\"fake_bcc\":true}");
    List<MimeMessage> separate = received(2);
    assertThat(separate).hasSize(2);
    List<String> to = new ArrayList<>();
    for (MimeMessage copy : separate) {
      assertThat(copy.getSubject()).isEqualTo("Faked");
      assertThat(parts(copy).toString()).contains("<p>F</p>");
      to.add(copy.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString());
      if (to.get(to.size() - 1).equals(fakeAudit)) {
        assertThat(copy.getHeader("List-Unsubscribe")).isNull();
      } else {
        assertThat(String.join("\n", java.util.Collections.list(copy.getAllHeaderLines())))
            .doesNotContain(fakeAudit);
      }
    }
    assertThat(to).containsExactlyInAnyOrder(id + "@example.com", fakeAudit);
    calls.awaitState(faked, "sent");

    Answer badCc =
        http()
            .post(
                "v1/send/email",
                Http.app(),
                "{\"identifiers\":{\"id\":\""
                    + id
                    + "\"},\"from\":\"a@herald.test\",\"subject\":\"s\",\"body\":\"b\","
                    + "\"cc\":\"ok@example.com, not an address\",\"bcc\":[\"x@example.com\"],"
                    + "\"fake_bcc\":\"yes\"}");
    assertThat(badCc.status()).isEqualTo(400);
    assertThat(badCc.json().at("/meta/error").asText())
        .contains("cc address 2 is not a valid email address")
        .contains("bcc must be a string")
        .contains("fake_bcc must be true or false");
  }
}
