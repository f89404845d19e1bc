package io.herald.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import org.junit.jupiter.api.Test;

/**
 * WhatsApp and in-app sends and the payloads their plugins get (templates, buttons), and a message
 * of one channel refused on another.
 */
class WhatsAppAndInAppSendsIT extends ChannelContainerTest {

  @Test
  void whatsAppTemplatesAndInAppMessagesCarryTheirPayloads() throws Exception {
    String id = unique("wa");
    String phone = phone();
    calls.identify(id, "{\"first_name\":\"Ada\",\"phone\":\"" + phone + "\"}");
    String wa =
        send(
            "whatsapp",
            "{\"identifiers\":{\"id\":\""
                + id
                + "\"},\"template\":{\"name\":\"order_update\",\"language\":\"en_US\","
                + "\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\","
                + "\"text\":\"{{customer.first_name}}\"}]}]}}");
    calls.awaitState(wa, "sent");
    JsonNode waSent = sentMessage("whatsapp", wa);
    assertThat(waSent.path("channel").asText()).isEqualTo("WHATSAPP");
    assertThat(waSent.path("recipient").asText()).isEqualTo(phone);
    assertThat(waSent.path("payload"))
        .isEqualTo(
            JSON.readTree(
                "{\"type\":\"template\",\"template\":{\"name\":\"order_update\","
                    + "\"language\":\"en_US\",\"components\":[{\"type\":\"body\","
                    + "\"parameters\":[{\"type\":\"text\",\"text\":\"Ada\"}]}]}}"));

    long message =
        calls.createMessage(
            "{\"name\":\"Welcome\",\"channel\":\"in_app\",\"title\":\"Hi {{customer.first_name}}\","
                + "\"message\":\"Welcome aboard\",\"type\":\"banner\",\"buttons\":[{\"label\":"
                + "\"Open {{trigger.page}}\",\"action\":\"open_url\",\"url\":\"https://x.test/{{trigger.page}}\"}]}");
    String inApp =
        send(
            "in_app",
            "{\"transactional_message_id\":"
                + message
                + ",\"identifiers\":{\"id\":\""
                + id
                + "\"},\"message_data\":{\"page\":\"tour\"}}");
    calls.awaitState(inApp, "sent");
    JsonNode inAppSent = sentMessage("in_app", inApp);
    assertThat(inAppSent.path("channel").asText()).isEqualTo("IN_APP");
    assertThat(inAppSent.path("recipient").asText()).isEqualTo(id);
    assertThat(inAppSent.path("subject").asText()).isEqualTo("Hi Ada");
    assertThat(inAppSent.path("body").asText()).isEqualTo("Welcome aboard");
    assertThat(inAppSent.path("payload"))
        .isEqualTo(
            JSON.readTree(
                "{\"type\":\"banner\",\"buttons\":[{\"label\":\"Open tour\","
                    + "\"action\":\"open_url\",\"url\":\"https://x.test/tour\"}]}"));

    // A message of one channel cannot be sent on another.
    Answer wrongChannel =
        sendAnswer(
            "sms",
            "{\"transactional_message_id\":"
                + message
                + ",\"identifiers\":{\"id\":\""
                + id
                + "\"}}");
    assertThat(wrongChannel.status()).isEqualTo(400);
    assertThat(error(wrongChannel))
        .isEqualTo("transactional_message_id " + message + " is a in_app message, not sms");
    Answer asEmail =
        http()
            .post(
                "v1/send/email",
                Http.app(),
                "{\"transactional_message_id\":"
                    + message
                    + ",\"identifiers\":{\"id\":\""
                    + id
                    + "\"}}");
    assertThat(asEmail.status()).isEqualTo(400);
    assertThat(error(asEmail)).contains("send it with POST /v1/send/in_app");
  }

  @Test
  void whatsAppTakesCustomerIoLanguageAndAttachments() throws Exception {
    String id = unique("wa-lang");
    String phone = phone();
    calls.identify(id, "{\"first_name\":\"Ada\",\"phone\":\"" + phone + "\"}");
    long message =
        calls.createMessage(
            "{\"name\":\"Order update\",\"channel\":\"whatsapp\",\"template\":"
                + "{\"name\":\"order_update\",\"language\":\"en_US\"}}");
    // Customer.io's language picks the template's language.
    String template =
        send(
            "whatsapp",
            "{\"transactional_message_id\":"
                + message
                + ",\"identifiers\":{\"id\":\""
                + id
                + "\"},\"language\":\"fr\"}");
    calls.awaitState(template, "sent");
    assertThat(sentMessage("whatsapp", template).path("payload"))
        .isEqualTo(
            JSON.readTree(
                "{\"type\":\"template\",\"template\":{\"name\":\"order_update\","
                    + "\"language\":\"fr\",\"components\":[]}}"));

    // An attachment by URL is the message's media; the body is its caption.
    String document =
        send(
            "whatsapp",
            "{\"identifiers\":{\"id\":\""
                + id
                + "\"},\"body\":\"Your invoice, {{customer.first_name}}\","
                + "\"attachments\":{\"Invoice 7.pdf\":\"https://files.test/inv/7.pdf\"}}");
    calls.awaitState(document, "sent");
    JsonNode sent = sentMessage("whatsapp", document);
    assertThat(sent.path("body").asText()).isEqualTo("Your invoice, Ada");
    assertThat(sent.path("payload"))
        .isEqualTo(
            JSON.readTree(
                "{\"type\":\"document\",\"media\":{\"link\":\"https://files.test/inv/7.pdf\","
                    + "\"filename\":\"Invoice 7.pdf\"}}"));
    String image =
        send(
            "whatsapp",
            "{\"identifiers\":{\"id\":\""
                + id
                + "\"},\"attachments\":{\"map.png\":\"https://files.test/map.png\"}}");
    calls.awaitState(image, "sent");
    assertThat(sentMessage("whatsapp", image).path("payload"))
        .isEqualTo(
            JSON.readTree(
                "{\"type\":\"image\",\"media\":{\"link\":\"https://files.test/map.png\"}}"));
  }
}
