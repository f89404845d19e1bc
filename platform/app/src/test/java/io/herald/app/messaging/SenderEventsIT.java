package io.herald.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.Http;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The sender-event path: a STOP callback unsubscribes the person from SMS (the next SMS is dropped
 * with the reason) until START, replies become events, WhatsApp numbers without the plus.
 */
class SenderEventsIT extends ChannelContainerTest {

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
  void aSenderIsMatchedToAPhoneAttributeWrittenWithSeparators() throws Exception {
    String id = unique("stop-fmt");
    String phone = phone();
    // "+1 (555) 123-4567": the attribute as people type it; the provider reports +15551234567.
    String written =
        "+1 (" + phone.substring(2, 5) + ") " + phone.substring(5, 8) + "-" + phone.substring(8);
    calls.identify(id, "{\"phone\":\"" + written + "\"}");

    HttpResponse<String> stop = event("sms", "UNSUBSCRIBED", phone, "STOP", "");
    assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);
    assertThat(stop.body()).contains("\"applied\":1").contains("\"unknown\":0");
    JsonNode prefs =
        http()
            .get("v1/customers/" + id + "/attributes", Http.app())
            .json()
            .at("/customer/attributes/cio_subscription_preferences");
    assertThat(prefs.at("/channels/sms").asBoolean(true)).isFalse();
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(events(id)).contains("sms_unsubscribed"));

    // WhatsApp's number without the plus finds the same person.
    assertThat(event("whatsapp", "REPLIED", phone.substring(1), "Hola", unique("wamid")).body())
        .contains("\"applied\":1");
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(events(id)).contains("whatsapp_received"));
  }
}
