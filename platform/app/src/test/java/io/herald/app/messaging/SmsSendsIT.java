package io.herald.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * SMS sends: a saved message rendered for the person's phone, inline content to another number with
 * a sender override, delivery reports, strict Liquid; E.164 checks and a suppressed number.
 */
class SmsSendsIT extends ChannelContainerTest {

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
  void snippetsRenderInOtherChannelsAndAreInUseByTheirMessages() throws Exception {
    String id = unique("snip");
    String phone = phone();
    String run = id.substring(id.indexOf('-') + 1);
    calls.identify(id, "{\"first_name\":\"Ada\",\"phone\":\"" + phone + "\"}");
    calls.snippet("brand_" + run, "Acme for {{ customer.first_name }}");
    calls.snippet("opt out " + run, "Reply STOP to opt out");
    long message =
        calls.createMessage(
            "{\"name\":\"Snippets "
                + run
                + "\",\"channel\":\"sms\",\"body\":\"{{ snippets.brand_"
                + run
                + " }}: code {{trigger.code}}. {{ snippets[\\\"opt out "
                + run
                + "\\\"] }}\"}");
    String delivery =
        send(
            "sms",
            "{\"transactional_message_id\":"
                + message
                + ",\"identifiers\":{\"id\":\""
                + id
                + "\"},\"message_data\":{\"code\":\"42\"}}");
    calls.awaitState(delivery, "sent");
    assertThat(sentMessage("sms", delivery).path("body").asText())
        .isEqualTo("Acme for Ada: code 42. Reply STOP to opt out");

    // Nested fields of another channel too (in-app button labels), inline.
    String inApp =
        send(
            "in_app",
            "{\"identifiers\":{\"id\":\""
                + id
                + "\"},\"message\":\"Hi\",\"buttons\":[{\"label\":\"{{snippets.brand_"
                + run
                + "}}\",\"action\":\"dismiss\"}]}");
    calls.awaitState(inApp, "sent");
    assertThat(sentMessage("in_app", inApp).at("/payload/buttons/0/label").asText())
        .isEqualTo("Acme for Ada");

    // The SMS message uses both snippets, so neither can be deleted (as for email).
    Answer inUse = http().delete("v1/snippets/brand_" + run, Http.app());
    assertThat(inUse.status()).as(inUse.body()).isEqualTo(400);
    assertThat(error(inUse)).contains("transactional message " + message);
    Answer bracketedInUse = http().delete("v1/snippets/opt%20out%20" + run, Http.app());
    assertThat(bracketedInUse.status()).as(bracketedInUse.body()).isEqualTo(400);

    // A snippet that does not exist fails the delivery strictly, naming it.
    String missing =
        send(
            "sms",
            "{\"identifiers\":{\"id\":\""
                + id
                + "\"},\"body\":\"{{ snippets.gone_"
                + run
                + " }}\"}");
    JsonNode failed = calls.message(missing);
    assertThat(failed.path("state").asText()).isEqualTo("failed");
    assertThat(failed.path("failure_message").asText())
        .isEqualTo("body line 1: snippets.gone_" + run + " is not defined");
  }
}
