package io.herald.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Db;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SMS, push, WhatsApp and in-app sends through the Transactional API (#5, #7) to the test-only
 * recording echo providers ({@code plugins/channel-test-echo}: {@code test-echo-sms}, {@code
 * -push}, {@code -whatsapp}, {@code -in-app}), whose callback URL lists the exact {@code
 * OutboundMessage}s they were given; the sender-event path (a STOP callback unsubscribes the person
 * from SMS, and the next SMS is dropped with the reason); and the endpoints' input errors.
 */
class ChannelSendsIT extends ContainerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ECHO_TOKEN = "echo-callback-token-for-the-it";
  private static final String GONE_TOKEN = "GONE-TOKEN-CHANNEL-IT";

  private TransactionalCalls calls;

  /** Channel → its setting's callback URL, aimed at the deployment. */
  private final java.util.Map<String, String> callbacks = new java.util.HashMap<>();

  @BeforeEach
  void configureChannels() {
    calls = new TransactionalCalls(http());
    for (String channel : List.of("sms", "push", "whatsapp", "in_app")) {
      String provider = "test-echo-" + channel.replace('_', '-');
      Answer saved =
          http()
              .put(
                  "v1/channel_settings/echo-" + channel.replace('_', '-'),
                  Http.app(),
                  "{\"channel\":\""
                      + channel
                      + "\",\"provider\":\""
                      + provider
                      + "\",\"default\":true,\"settings\":{\"prefix\":\""
                      + channel
                      + "-\",\"invalid\":\""
                      + GONE_TOKEN
                      + "\",\"note\":\"line one\\nline two\",\"token\":\""
                      + ECHO_TOKEN
                      + "\"}}");
      assertThat(saved.status()).as(saved.body()).isEqualTo(200);
      assertThat(saved.body()).doesNotContain(ECHO_TOKEN);
      assertThat(saved.json().at("/channel_setting/channel").asText()).isEqualTo(channel);
      callbacks.put(
          channel,
          saved
              .json()
              .at("/channel_setting/callback_url")
              .asText()
              .replace("http://localhost:8080/", base.toString()));
    }
  }

  /** Waits until nothing is due or being sent, so the next test starts with a quiet queue. */
  @AfterEach
  void settleQueue() {
    await().atMost(PATIENCE).until(() -> pendingDeliveries() == 0);
  }

  @Test
  void smsByTransactionalMessageGoesToThePersonsPhoneRendered() throws Exception {
    String id = unique("sms");
    String phone = phone();
    calls.identify(id, "{\"first_name\":\"Ada\",\"phone\":\"" + phone + "\"}");
    long message =
        calls.createMessage(
            "{\"name\":\"Code\",\"channel\":\"sms\","
                + "\"body\":\"Hi {{customer.first_name}}, your code is {{trigger.code}}\"}");
    Answer read = http().get("v1/transactional/" + message, Http.app());
    assertThat(read.json().at("/message/channel").asText()).isEqualTo("sms");
    assertThat(read.json().at("/message/body").asText())
        .isEqualTo("Hi {{customer.first_name}}, your code is {{trigger.code}}");

    String delivery =
        send(
            "sms",
            "{\"transactional_message_id\":"
                + message
                + ",\"identifiers\":{\"id\":\""
                + id
                + "\"},\"message_data\":{\"code\":\"4711\"}}");
    JsonNode view = calls.awaitState(delivery, "sent");
    assertThat(view.path("type").asText()).isEqualTo("sms");
    assertThat(view.path("recipient").asText()).isEqualTo(phone);
    assertThat(view.path("provider_message_id").asText()).isEqualTo("sms-" + delivery);
    assertThat(view.path("transactional_message_id").asLong()).isEqualTo(message);
    assertThat(view.at("/response/status").asInt()).isEqualTo(202);
    assertThat(view.at("/response/recipient").asText()).isEqualTo(phone);

    JsonNode sent = sentMessage("sms", delivery);
    assertThat(sent.path("channel").asText()).isEqualTo("SMS");
    assertThat(sent.path("recipient").asText()).isEqualTo(phone);
    assertThat(sent.path("body").asText()).isEqualTo("Hi Ada, your code is 4711");
    assertThat(sent.path("from").asText()).isEmpty();
    assertThat(sent.at("/metadata/delivery_id").asText()).isEqualTo(delivery);
    assertThat(sent.at("/metadata/cio_id").asText()).isEqualTo(view.path("cio_id").asText());
    assertThat(sent.path("payload").size()).isZero();

    // The provider's delivery report, keyed by its message id.
    HttpResponse<String> delivered = event("sms", "DELIVERED", phone, "", "sms-" + delivery);
    assertThat(delivered.body()).contains("\"applied\":1");
    assertThat(calls.message(delivery).path("state").asText()).isEqualTo("delivered");

    // Inline content to another number with a sender override.
    String other = phone();
    String inline =
        send(
            "sms",
            "{\"identifiers\":{\"id\":\""
                + id
                + "\"},\"to\":\""
                + other
                + "\",\"from\":\"+15005550006\",\"body\":\"Plan {{customer.first_name}}\"}");
    calls.awaitState(inline, "sent");
    HttpResponse<String> undelivered =
        event("sms", "FAILED", other, "30003 Unreachable destination handset", "sms-" + inline);
    assertThat(undelivered.body()).contains("\"applied\":1");
    JsonNode failedReport = calls.message(inline);
    assertThat(failedReport.path("state").asText()).isEqualTo("failed");
    assertThat(failedReport.path("failure_message").asText())
        .isEqualTo("30003 Unreachable destination handset");
    JsonNode inlineSent = sentMessage("sms", inline);
    assertThat(inlineSent.path("recipient").asText()).isEqualTo(other);
    assertThat(inlineSent.path("from").asText()).isEqualTo("+15005550006");
    assertThat(inlineSent.path("body").asText()).isEqualTo("Plan Ada");

    // Strict Liquid: a missing variable fails the delivery with the field, line and variable.
    String broken =
        send(
            "sms",
            "{\"identifiers\":{\"id\":\"" + id + "\"},\"body\":\"Hi {{customer.nickname}}\"}");
    JsonNode failed = calls.message(broken);
    assertThat(failed.path("state").asText()).isEqualTo("failed");
    assertThat(failed.path("failure_message").asText())
        .isEqualTo("body line 1: customer.nickname is not defined");
  }

  @Test
  void smsNumbersMustBeE164AndASuppressedNumberIsDropped() {
    String id = unique("sms-bad");
    calls.identify(id, "{\"phone\":\"555 0100\"}");
    Answer badPhone = sendAnswer("sms", "{\"identifiers\":{\"id\":\"" + id + "\"},\"body\":\"x\"}");
    assertThat(badPhone.status()).isEqualTo(400);
    assertThat(error(badPhone))
        .isEqualTo(
            "the person's phone attribute must be an E.164 phone number (+ and the country"
                + " code, 2 to 15 digits, no spaces), not 555 0100");
    Answer badTo =
        sendAnswer(
            "sms", "{\"identifiers\":{\"id\":\"" + id + "\"},\"to\":\"0044\",\"body\":\"x\"}");
    assertThat(badTo.status()).isEqualTo(400);
    assertThat(error(badTo)).startsWith("to must be an E.164 phone number");
    String none = unique("sms-none");
    calls.identify(none, "{}");
    Answer noPhone =
        sendAnswer("sms", "{\"identifiers\":{\"id\":\"" + none + "\"},\"body\":\"x\"}");
    assertThat(noPhone.status()).isEqualTo(400);
    assertThat(error(noPhone))
        .startsWith("to is required: the person ")
        .endsWith("has no phone attribute");

    String phone = phone();
    Answer suppressed =
        http()
            .post(
                "v1/suppressions",
                Http.app(),
                "{\"channel\":\"sms\",\"address\":\"" + phone + "\"}");
    assertThat(suppressed.status()).as(suppressed.body()).isEqualTo(201);
    String dropped =
        send(
            "sms",
            "{\"identifiers\":{\"id\":\"" + id + "\"},\"to\":\"" + phone + "\",\"body\":\"x\"}");
    JsonNode view = calls.message(dropped);
    assertThat(view.path("state").asText()).isEqualTo("dropped");
    assertThat(view.path("failure_message").asText())
        .startsWith("address suppressed: added manually");
    assertThat(
            http().delete("v1/suppressions/sms/" + phone.replace("+", "%2B"), Http.app()).status())
        .isEqualTo(204);
  }

  @Test
  void pushGoesToTheLastUsedDeviceToAllOrToOneToken() throws Exception {
    String id = unique("push");
    calls.identify(id, "{\"first_name\":\"Ada\"}");
    String older = unique("TOKEN-OLD");
    String newer = unique("TOKEN-NEW");
    device(id, older, "android", 1_700_000_000L);
    device(id, newer, "ios", 1_800_000_000L);
    long message =
        calls.createMessage(
            "{\"name\":\"Shipped\",\"channel\":\"push\",\"title\":\"Order {{trigger.order}}\","
                + "\"message\":\"Shipped, {{customer.first_name}}\",\"link\":\"app://o/{{trigger.order}}\","
                + "\"sound\":\"default\",\"custom_data\":{\"order\":\"{{trigger.order}}\"}}");

    String lastUsed =
        send(
            "push",
            "{\"transactional_message_id\":"
                + message
                + ",\"identifiers\":{\"id\":\""
                + id
                + "\"},\"message_data\":{\"order\":\"7\"},\"image_url\":\"https://cdn.test/i.png\"}");
    calls.awaitState(lastUsed, "sent");
    HttpResponse<String> opened = event("push", "OPENED", newer, "", "push-" + lastUsed);
    assertThat(opened.body()).contains("\"applied\":1");
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(events(id)).contains("push_opened"));
    JsonNode sent = sentMessage("push", lastUsed);
    assertThat(sent.path("channel").asText()).isEqualTo("PUSH");
    assertThat(sent.path("recipient").asText()).isEqualTo(newer);
    assertThat(sent.path("subject").asText()).isEqualTo("Order 7");
    assertThat(sent.path("body").asText()).isEqualTo("Shipped, Ada");
    assertThat(sent.path("payload"))
        .isEqualTo(
            JSON.readTree(
                "{\"image_url\":\"https://cdn.test/i.png\",\"link\":\"app://o/7\","
                    + "\"sound\":\"default\",\"data\":{\"order\":\"7\"},\"platform\":\"ios\"}"));

    String toAll =
        send(
            "push",
            "{\"identifiers\":{\"id\":\""
                + id
                + "\"},\"to\":\"all\",\"title\":\"T\",\"message\":\"To all\"}");
    calls.awaitState(toAll, "sent");
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(sentTo("push", "To all"))
                    .containsExactlyInAnyOrder(older + "/android", newer + "/ios"));
    JsonNode deliveries = http().get("v1/customers/" + id + "/messages", Http.app()).json();
    assertThat(deliveries.path("messages").findValuesAsText("recipient")).contains(older, newer);

    String one =
        send(
            "push",
            "{\"identifiers\":{\"id\":\""
                + id
                + "\"},\"to\":\""
                + older
                + "\",\"message\":\"Just the old one\"}");
    calls.awaitState(one, "sent");
    assertThat(sentMessage("push", one).path("recipient").asText()).isEqualTo(older);

    Answer notTheirs =
        sendAnswer(
            "push",
            "{\"identifiers\":{\"id\":\"" + id + "\"},\"to\":\"SOMEONE-ELSES\",\"message\":\"x\"}");
    assertThat(notTheirs.status()).isEqualTo(400);
    assertThat(error(notTheirs)).contains("SOMEONE-ELSES is not one of theirs");
  }

  @Test
  void anInvalidTokenFailsTheDeliveryAndRemovesTheDevice() throws Exception {
    String id = unique("push-gone");
    calls.identify(id, "{}");
    device(id, GONE_TOKEN, "android", 1_900_000_000L);
    assertThat(deviceCount(GONE_TOKEN)).isEqualTo(1);
    String delivery =
        send(
            "push",
            "{\"identifiers\":{\"id\":\""
                + id
                + "\"},\"to\":\""
                + GONE_TOKEN
                + "\",\"message\":\"x\"}");
    JsonNode failed = calls.awaitState(delivery, "failed");
    assertThat(failed.path("failure_message").asText())
        .isEqualTo("invalid recipient: echo: recipient is configured as invalid");
    assertThat(deviceCount(GONE_TOKEN)).isZero();

    // custom_device registers a device first and the push goes to it.
    String custom = unique("TOKEN-CUSTOM");
    String viaCustom =
        send(
            "push",
            "{\"identifiers\":{\"id\":\""
                + id
                + "\"},\"custom_device\":{\"token\":\""
                + custom
                + "\",\"platform\":\"ios\"},\"message\":\"Hello new phone\"}");
    calls.awaitState(viaCustom, "sent");
    assertThat(deviceCount(custom)).isEqualTo(1);
    JsonNode sent = sentMessage("push", viaCustom);
    assertThat(sent.path("recipient").asText()).isEqualTo(custom);
    assertThat(sent.at("/payload/platform").asText()).isEqualTo("ios");

    String nobody = unique("push-none");
    calls.identify(nobody, "{}");
    String noDevice =
        send("push", "{\"identifiers\":{\"id\":\"" + nobody + "\"},\"message\":\"x\"}");
    assertThat(calls.message(noDevice).path("failure_message").asText())
        .isEqualTo("the person has no push device");
  }

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
  void aStopCallbackUnsubscribesThePersonFromSmsUntilStart() throws Exception {
    String id = unique("stop");
    String phone = phone();
    calls.identify(
        id,
        "{\"phone\":\""
            + phone
            + "\",\"cio_subscription_preferences\":{\"topics\":{\"topic_1\":true}}}");
    calls.awaitState(send("sms", smsTo(id)), "sent");

    HttpResponse<String> stop = event("sms", "UNSUBSCRIBED", phone, "STOP", "");
    assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);
    assertThat(stop.body()).contains("\"applied\":1").contains("\"unknown\":0");
    JsonNode attributes =
        http()
            .get("v1/customers/" + id + "/attributes", Http.app())
            .json()
            .at("/customer/attributes");
    JsonNode prefs = attributes.path("cio_subscription_preferences");
    assertThat(prefs.at("/channels/sms").asBoolean(true)).isFalse();
    assertThat(prefs.at("/topics/topic_1").asBoolean()).isTrue();
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(events(id)).contains("sms_unsubscribed"));

    String dropped = send("sms", smsTo(id));
    JsonNode view = calls.message(dropped);
    assertThat(view.path("state").asText()).isEqualTo("dropped");
    assertThat(view.path("failure_message").asText()).isEqualTo("unsubscribed from sms");

    // The same STOP again changes nothing; a number nobody has is unknown.
    assertThat(event("sms", "UNSUBSCRIBED", phone, "STOP", "").body()).contains("\"duplicates\":1");
    assertThat(event("sms", "UNSUBSCRIBED", phone(), "STOP", "").body()).contains("\"unknown\":1");

    HttpResponse<String> start = event("sms", "RESUBSCRIBED", phone, "START", "");
    assertThat(start.body()).contains("\"applied\":1");
    calls.awaitState(send("sms", smsTo(id)), "sent");

    HttpResponse<String> reply = event("sms", "REPLIED", phone, "Yes please", unique("SM"));
    assertThat(reply.body()).contains("\"applied\":1");
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(events(id)).contains("sms_resubscribed", "sms_received"));
    JsonNode received = activity(id, "sms_received");
    assertThat(received.at("/data/text").asText()).isEqualTo("Yes please");
    assertThat(received.at("/data/from").asText()).isEqualTo(phone);

    // WhatsApp reports numbers without the plus.
    HttpResponse<String> waReply =
        event("whatsapp", "REPLIED", phone.substring(1), "Hola", unique("wamid"));
    assertThat(waReply.body()).contains("\"applied\":1");
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(events(id)).contains("whatsapp_received"));

    HttpResponse<String> forged =
        callback("sms", "POST", "events?kind=UNSUBSCRIBED&from=x", "nope");
    assertThat(forged.statusCode()).isEqualTo(401);
  }

  @Test
  void everyNewEndpointRefusesBadInput() {
    for (String channel : List.of("sms", "push", "whatsapp", "in_app")) {
      String path = "v1/send/" + channel;
      Answer malformed = http().post(path, Http.app(), "{\"identifiers\":");
      assertThat(malformed.status()).as(channel).isEqualTo(400);
      assertThat(error(malformed)).contains("malformed JSON");

      Answer notObject = http().post(path, Http.app(), "[1]");
      assertThat(notObject.status()).isEqualTo(400);
      assertThat(error(notObject)).isEqualTo("request body must be a JSON object");

      Answer wrongTypes =
          http()
              .post(
                  path,
                  Http.app(),
                  "{\"identifiers\":\"42\",\"message_data\":[],\"send_at\":\"soon\"}");
      assertThat(wrongTypes.status()).isEqualTo(400);
      assertThat(error(wrongTypes))
          .contains("identifiers must be an object")
          .contains("message_data must be an object")
          .contains("send_at must be an integer");

      Answer noAuth = http().post(path, null, "{}");
      assertThat(noAuth.status()).isEqualTo(401);

      byte[] big = new byte[2048 * 1024 + 10];
      Arrays.fill(big, (byte) ' ');
      Answer oversize = http().post(path, Http.app(), new String(big, StandardCharsets.US_ASCII));
      assertThat(oversize.status()).isEqualTo(413);

      Answer unknownMessage =
          http()
              .post(
                  path,
                  Http.app(),
                  "{\"transactional_message_id\":987654321,\"identifiers\":{\"id\":\"1\"}}");
      assertThat(unknownMessage.status()).isEqualTo(404);
      assertThat(error(unknownMessage)).isEqualTo("transactional message 987654321 not found");

      Answer unknownPerson =
          http()
              .post(
                  path,
                  Http.app(),
                  "{\"identifiers\":{\"cio_id\":\"nobody-here\"},\"body\":\"x\",\"message\":\"x\"}");
      assertThat(unknownPerson.status()).as(unknownPerson.body()).isEqualTo(404);
      assertThat(error(unknownPerson)).isEqualTo("identifiers.cio_id nobody-here not found");

      Answer noContent = http().post(path, Http.app(), "{\"identifiers\":{\"id\":\"1\"}}");
      assertThat(noContent.status()).isEqualTo(400);
      assertThat(error(noContent)).contains("(no transactional_message_id names one)");
    }
    Answer badPushField =
        http()
            .post(
                "v1/send/push",
                Http.app(),
                "{\"identifiers\":{\"id\":\"1\"},\"message\":\"x\",\"custom_data\":{\"k\":1}}");
    assertThat(badPushField.status()).isEqualTo(400);
    assertThat(error(badPushField)).isEqualTo("custom_data.k must be a string");

    Answer badMessage =
        http()
            .post(
                "v1/transactional",
                Http.app(),
                "{\"name\":\"x\",\"channel\":\"in_app\",\"type\":\"popup\",\"buttons\":[{}]}");
    assertThat(badMessage.status()).isEqualTo(400);
    assertThat(error(badMessage))
        .contains("message must not be empty")
        .contains("type must be modal or banner")
        .contains("buttons[0].label must be a non-empty string");
    Answer badChannel =
        http().post("v1/transactional", Http.app(), "{\"name\":\"x\",\"channel\":\"fax\"}");
    assertThat(badChannel.status()).isEqualTo(400);
    assertThat(error(badChannel))
        .contains("channel must be email, sms, push, whatsapp, in_app, webhook, slack");
  }

  private String smsTo(String id) {
    return "{\"identifiers\":{\"id\":\"" + id + "\"},\"body\":\"Deal of the day\"}";
  }

  private String send(String channel, String body) {
    Answer sent = sendAnswer(channel, body);
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(sent.json().path("queued_at").asLong()).isPositive();
    return sent.json().path("delivery_id").asText();
  }

  private Answer sendAnswer(String channel, String body) {
    return http().post("v1/send/" + channel, Http.app(), body);
  }

  private static String error(Answer answer) {
    return answer.json().at("/meta/error").asText();
  }

  private void device(String id, String token, String platform, long lastUsed) {
    Answer added =
        http()
            .put(
                "api/v1/customers/" + id + "/devices",
                Http.track(),
                "{\"device\":{\"id\":\""
                    + token
                    + "\",\"platform\":\""
                    + platform
                    + "\",\"last_used\":"
                    + lastUsed
                    + "}}");
    assertThat(added.status()).as(added.body()).isEqualTo(200);
  }

  /** What the channel's echo provider was given for a delivery (waits for it). */
  private JsonNode sentMessage(String channel, String deliveryId) {
    List<JsonNode> found = new ArrayList<>();
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              found.clear();
              for (JsonNode m : sentList(channel)) {
                if (m.path("idempotency_key").asText().equals(deliveryId)) {
                  found.add(m);
                }
              }
              assertThat(found).isNotEmpty();
            });
    return found.get(found.size() - 1);
  }

  /** Recipient/platform of every message with this body the channel's echo was given. */
  private List<String> sentTo(String channel, String body) throws Exception {
    List<String> to = new ArrayList<>();
    for (JsonNode m : sentList(channel)) {
      if (m.path("body").asText().equals(body)) {
        to.add(m.path("recipient").asText() + "/" + m.at("/payload/platform").asText());
      }
    }
    return to;
  }

  private JsonNode sentList(String channel) throws Exception {
    HttpResponse<String> list = callback(channel, "GET", "sent", ECHO_TOKEN);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    return JSON.readTree(list.body()).path("messages");
  }

  private HttpResponse<String> event(
      String channel, String kind, String from, String text, String id) throws Exception {
    return callback(
        channel,
        "POST",
        "events?kind="
            + kind
            + "&from="
            + java.net.URLEncoder.encode(from, StandardCharsets.UTF_8)
            + "&text="
            + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8)
            + "&id="
            + id,
        ECHO_TOKEN);
  }

  private HttpResponse<String> callback(String channel, String method, String path, String token)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(callbacks.get(channel) + "/" + path))
            .timeout(Duration.ofSeconds(30))
            .header("X-Echo-Token", token)
            .method(
                method,
                method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(""))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private List<String> events(String id) {
    List<String> names = new ArrayList<>();
    http()
        .get("v1/customers/" + id + "/activities?limit=100", Http.app())
        .json()
        .path("activities")
        .forEach(a -> names.add(a.path("name").asText()));
    return names;
  }

  private JsonNode activity(String id, String name) {
    for (JsonNode a :
        http()
            .get("v1/customers/" + id + "/activities?limit=100", Http.app())
            .json()
            .path("activities")) {
      if (a.path("name").asText().equals(name)) {
        return a;
      }
    }
    throw new AssertionError("no activity " + name);
  }

  private static long deviceCount(String token) throws Exception {
    try (Connection c = Db.connect();
        PreparedStatement q =
            c.prepareStatement("SELECT COUNT(*) FROM people_device WHERE token = ?")) {
      q.setString(1, token);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long pendingDeliveries() throws Exception {
    try (Connection c = Db.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT COUNT(*) FROM messaging_delivery WHERE state = 'sending'"
                    + " OR (state = 'queued' AND due_at <= ?)")) {
      q.setString(1, LocalDateTime.now(ZoneOffset.UTC).plusSeconds(1).toString().replace('T', ' '));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A random US number in E.164. */
  private static String phone() {
    return "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
  }
}
