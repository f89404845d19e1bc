package io.herald.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Push sends: to the last used device, to all or to one token, {@code custom_device}, and an
 * invalid token that fails the delivery and removes the device.
 */
class PushSendsIT extends ChannelContainerTest {

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
}
