package io.herald.app.messaging;

import static io.herald.app.messaging.TransactionalCalls.arf;
import static io.herald.app.messaging.TransactionalCalls.dsn;
import static io.herald.app.messaging.TransactionalCalls.postReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Provider reports through the callback URL: delivered, bounces (hard ones suppress the address,
 * soft ones do not) and complaints; the suppression list through the App API and its errors.
 */
class DeliveryReportsIT extends EmailContainerTest {

  @Test
  void bouncesAndComplaintsArriveThroughTheCallbackUrl() throws Exception {
    // A second setting of the workspace (sends still go through the default one): its callback
    // URL matches deliveries of the whole workspace. Deleted at the end, so the other tests see
    // the default setting alone.
    String setting =
        "{\"channel\":\"email\",\"provider\":\"email-smtp\",\"default\":false,"
            + "\"settings\":{\"host\":\"127.0.0.1\",\"port\":\""
            + smtp.getSmtp().getPort()
            + "\",\"security\":\"none\",\"default_from\":\"Herald <noreply@herald.test>\","
            + "\"callback_secret\":\"cb-secret-for-the-it\"}}";
    Answer first = http().put("v1/channel_settings/bounce-intake", Http.app(), setting);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    try {
      receiveReports(first.json().at("/channel_setting/callback_url").asText(), setting);
    } finally {
      http().delete("v1/channel_settings/bounce-intake", Http.app());
    }
  }

  private void receiveReports(String firstUrl, String setting) throws Exception {
    Answer saved = http().put("v1/channel_settings/bounce-intake", Http.app(), setting);
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    String callbackUrl = saved.json().at("/channel_setting/callback_url").asText();
    assertThat(callbackUrl)
        .as("kept across saves")
        .isEqualTo(firstUrl)
        .matches("http://localhost:8080/callbacks/[A-Za-z0-9_-]{43}");
    assertThat(saved.json().at("/channel_setting/secrets_set").toString())
        .contains("callback_secret");
    String callback = local(callbackUrl);
    HttpClient client = HttpClient.newHttpClient();

    String bounced = unique("tx-bounce");
    calls.identify(bounced, "{\"email\":\"" + bounced + "@example.com\"}");
    String bouncedDelivery =
        calls.send(
            "{\"identifiers\":{\"id\":\""
                + bounced
                + "\"},\"from\":\"a@herald.test\",\"subject\":\"S\",\"body\":\"B\"}");
    String bouncedMessageId =
        calls.awaitState(bouncedDelivery, "sent").path("provider_message_id").asText();
    assertThat(bouncedMessageId).startsWith("<").contains(bouncedDelivery);

    HttpResponse<String> wrongSecret =
        postReport(
            client, callback, "wrong-secret", dsn(bounced + "@example.com", bouncedMessageId));
    assertThat(wrongSecret.statusCode()).as(wrongSecret.body()).isEqualTo(401);
    assertThat(calls.message(bouncedDelivery).path("state").asText()).isEqualTo("sent");

    HttpResponse<String> unknownToken =
        postReport(
            client,
            callback.replaceAll("/callbacks/.*", "/callbacks/no-such-token"),
            "cb-secret-for-the-it",
            dsn(bounced + "@example.com", bouncedMessageId));
    assertThat(unknownToken.statusCode()).isEqualTo(404);

    // The receiving MTA's delivery report first (a "delivered" DSN), then its bounce.
    HttpResponse<String> delivered =
        postReport(
            client,
            callback,
            "cb-secret-for-the-it",
            dsn(bounced + "@example.com", bouncedMessageId, "delivered", "2.0.0"));
    assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
    JsonNode deliveredView = calls.message(bouncedDelivery);
    assertThat(deliveredView.path("state").asText()).isEqualTo("delivered");
    assertThat(deliveredView.path("metrics").path("delivered").asLong())
        .isGreaterThanOrEqualTo(deliveredView.path("metrics").path("sent").asLong())
        .isPositive();

    HttpResponse<String> dsn =
        postReport(
            client,
            callback,
            "cb-secret-for-the-it",
            dsn(bounced + "@example.com", bouncedMessageId));
    assertThat(dsn.statusCode()).as(dsn.body()).isEqualTo(200);
    assertThat(dsn.body()).contains("\"applied\":1").contains("\"unknown\":0");
    JsonNode bouncedView = calls.message(bouncedDelivery);
    assertThat(bouncedView.path("state").asText()).isEqualTo("bounced");
    assertThat(bouncedView.path("failure_message").asText())
        .isEqualTo(
            "550 5.1.1 <" + bounced + "@example.com>: Recipient address rejected: User unknown");
    assertThat(bouncedView.path("metrics").has("bounced")).isTrue();
    assertThat(bouncedView.path("metrics").has("delivered")).isTrue();
    hardBounceSuppresses(bounced, bouncedDelivery);
    softBounceDoesNotSuppress(client, callback);
    // The soft-bounced address's second mail went out after the dropped one was refused, and the
    // bounced address never got a second one.
    assertThat(mailsTo(bounced + "@example.com")).isEqualTo(1);

    String complainer = unique("tx-complaint");
    calls.identify(complainer, "{\"email\":\"" + complainer + "@example.com\"}");
    String complained =
        calls.send(
            "{\"identifiers\":{\"id\":\""
                + complainer
                + "\"},\"from\":\"a@herald.test\",\"subject\":\"S\",\"body\":\"B\"}");
    String complainedMessageId =
        calls.awaitState(complained, "sent").path("provider_message_id").asText();
    HttpResponse<String> arf =
        postReport(
            client,
            callback + "/fbl",
            "cb-secret-for-the-it",
            arf(complainer + "@example.com", complainedMessageId));
    assertThat(arf.statusCode()).as(arf.body()).isEqualTo(200);
    assertThat(calls.message(complained).path("metrics").has("spammed")).isTrue();
    Answer person = http().get("v1/customers/" + complainer + "/attributes", Http.app());
    assertThat(person.json().at("/customer/unsubscribed").asBoolean()).isTrue();
    JsonNode complaint = suppression(complainer + "@example.com");
    assertThat(complaint.path("reason").asText()).isEqualTo("complaint");
    assertThat(complaint.path("delivery_id").asText()).isEqualTo(complained);
    awaitActivity(complainer, "email_marked_as_spam");

    HttpResponse<String> unknownId =
        postReport(
            client,
            callback,
            "cb-secret-for-the-it",
            dsn("x@example.com", "<not-ours@herald.test>"));
    assertThat(unknownId.body()).contains("\"unknown\":1");
  }

  /** The hard bounce put the address on the list; later sends to it never reach SMTP. */
  private void hardBounceSuppresses(String person, String bouncedDelivery) {
    String address = person + "@example.com";
    JsonNode s = suppression(address);
    assertThat(s.path("reason").asText()).isEqualTo("hard_bounce");
    assertThat(s.path("delivery_id").asText()).isEqualTo(bouncedDelivery);
    awaitActivity(person, "email_bounced");

    // Suppression is about deliverability: even a message for unsubscribed people is dropped.
    String again =
        calls.send(
            "{\"identifiers\":{\"id\":\""
                + person
                + "\"},\"send_to_unsubscribed\":true,\"to\":\""
                + address.toUpperCase(java.util.Locale.ROOT)
                + "\",\"from\":\"a@herald.test\",\"subject\":\"Again\",\"body\":\"B\"}");
    JsonNode dropped = calls.message(again);
    assertThat(dropped.path("state").asText()).isEqualTo("dropped");
    assertThat(dropped.path("failure_message").asText())
        .startsWith("address suppressed: hard bounce (delivery " + bouncedDelivery + ") at 20");
    assertThat(dropped.path("metrics").has("dropped")).isTrue();
  }

  /** A 4.x.x bounce ends the delivery but the address keeps getting mail. */
  private void softBounceDoesNotSuppress(HttpClient client, String callback) throws Exception {
    String person = unique("tx-soft");
    String address = person + "@example.com";
    calls.identify(person, "{\"email\":\"" + address + "\"}");
    String first =
        calls.send(
            "{\"identifiers\":{\"id\":\""
                + person
                + "\"},\"from\":\"a@herald.test\",\"subject\":\"S\",\"body\":\"B\"}");
    String messageId = calls.awaitState(first, "sent").path("provider_message_id").asText();
    HttpResponse<String> soft =
        postReport(
            client, callback, "cb-secret-for-the-it", dsn(address, messageId, "failed", "4.2.2"));
    assertThat(soft.statusCode()).as(soft.body()).isEqualTo(200);
    assertThat(calls.message(first).path("state").asText()).isEqualTo("bounced");
    assertThat(suppressions()).doesNotContain(address);

    String second =
        calls.send(
            "{\"identifiers\":{\"id\":\""
                + person
                + "\"},\"from\":\"a@herald.test\",\"subject\":\"S2\",\"body\":\"B\"}");
    calls.awaitState(second, "sent");
  }

  private static long mailsTo(String address) throws Exception {
    long count = 0;
    for (MimeMessage m : smtp.getReceivedMessages()) {
      for (jakarta.mail.Address to : m.getAllRecipients()) {
        if (to.toString().equalsIgnoreCase(address)) {
          count++;
        }
      }
    }
    return count;
  }

  @Test
  void suppressionsAreListedAddedAndLiftedThroughTheAppApi() {
    String person = unique("tx-manual");
    String address = person + "@example.com";
    calls.identify(person, "{\"email\":\"" + address + "\"}");

    Answer added =
        http()
            .post(
                "v1/suppressions",
                Http.app(),
                "{\"channel\":\"email\",\"address\":\" " + person + "@EXAMPLE.com\"}");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().at("/suppression/address").asText()).isEqualTo(address);
    assertThat(added.json().at("/suppression/reason").asText()).isEqualTo("manual");
    assertThat(added.json().at("/suppression/delivery_id").isNull()).isTrue();
    Answer again =
        http()
            .post(
                "v1/suppressions",
                Http.app(),
                "{\"channel\":\"email\",\"address\":\"" + address + "\"}");
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(suppression(address).path("created_at").asLong()).isPositive();

    String dropped =
        calls.send(
            "{\"identifiers\":{\"id\":\""
                + person
                + "\"},\"from\":\"a@herald.test\",\"subject\":\"S\",\"body\":\"B\"}");
    assertThat(calls.message(dropped).path("state").asText()).isEqualTo("dropped");
    assertThat(calls.message(dropped).path("failure_message").asText())
        .startsWith("address suppressed: added manually at ");

    // Paging: newest first, next names where the following page starts.
    http()
        .post(
            "v1/suppressions",
            Http.app(),
            "{\"channel\":\"email\",\"address\":\"newer-" + address + "\"}");
    Answer page = http().get("v1/suppressions?limit=1", Http.app());
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.json().at("/suppressions/0/address").asText()).isEqualTo("newer-" + address);
    Answer next =
        http()
            .get("v1/suppressions?limit=1&start=" + page.json().path("next").asText(), Http.app());
    assertThat(next.json().at("/suppressions/0/address").asText()).isEqualTo(address);

    Answer lifted = http().delete("v1/suppressions/email/" + address.toUpperCase(), Http.app());
    assertThat(lifted.status()).as(lifted.body()).isEqualTo(204);
    Answer liftedAgain = http().delete("v1/suppressions/email/" + address, Http.app());
    assertThat(liftedAgain.status()).isEqualTo(404);
    assertThat(liftedAgain.json().at("/meta/error").asText()).contains(address);
    http().delete("v1/suppressions/email/newer-" + address, Http.app());
    String sent =
        calls.send(
            "{\"identifiers\":{\"id\":\""
                + person
                + "\"},\"from\":\"a@herald.test\",\"subject\":\"S\",\"body\":\"B\"}");
    calls.awaitState(sent, "sent");
  }

  @Test
  void badSuppressionRequestsGetAppApiErrors() {
    Answer noAuth =
        http().post("v1/suppressions", null, "{\"channel\":\"email\",\"address\":\"a@b.io\"}");
    assertThat(noAuth.status()).isEqualTo(401);
    assertThat(http().get("v1/suppressions", null).status()).isEqualTo(401);
    assertThat(http().delete("v1/suppressions/email/a@b.io", null).status()).isEqualTo(401);

    Answer malformed = http().post("v1/suppressions", Http.app(), "{\"channel\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().at("/meta/error").asText()).isNotEmpty();
    Answer notObject = http().post("v1/suppressions", Http.app(), "[]");
    assertThat(notObject.status()).isEqualTo(400);
    assertThat(notObject.json().at("/meta/error").asText())
        .isEqualTo("request body must be a JSON object");
    Answer wrongTypes =
        http().post("v1/suppressions", Http.app(), "{\"channel\":1,\"address\":[\"a@b.io\"]}");
    assertThat(wrongTypes.status()).isEqualTo(400);
    assertThat(wrongTypes.json().at("/meta/error").asText())
        .contains("channel must be a string")
        .contains("address must be a string");
    Answer missing = http().post("v1/suppressions", Http.app(), "{}");
    assertThat(missing.json().at("/meta/error").asText())
        .contains("channel is required")
        .contains("address is required");
    Answer badChannel =
        http().post("v1/suppressions", Http.app(), "{\"channel\":\"fax\",\"address\":\"a@b.io\"}");
    assertThat(badChannel.status()).isEqualTo(400);
    assertThat(badChannel.json().at("/meta/error").asText())
        .isEqualTo("channel must be one of email, sms, whatsapp, push");
    Answer emailAsSms =
        http().post("v1/suppressions", Http.app(), "{\"channel\":\"sms\",\"address\":\"a@b.io\"}");
    assertThat(emailAsSms.status()).isEqualTo(400);
    assertThat(emailAsSms.json().at("/meta/error").asText())
        .isEqualTo("address must be an E.164 phone number such as +15555550100");
    Answer badAddress =
        http()
            .post(
                "v1/suppressions",
                Http.app(),
                "{\"channel\":\"email\",\"address\":\"not an address\"}");
    assertThat(badAddress.status()).isEqualTo(400);
    assertThat(badAddress.json().at("/meta/error").asText()).contains("address must be");
    Answer tooLong =
        http()
            .post(
                "v1/suppressions",
                Http.app(),
                "{\"channel\":\"email\",\"address\":\"" + "a".repeat(400) + "@b.io\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    Answer oversize =
        http()
            .post(
                "v1/suppressions",
                Http.app(),
                "{\"channel\":\"email\",\"address\":\"a@b.io\",\"x\":\""
                    + "x".repeat(5000)
                    + "\"}");
    assertThat(oversize.status()).isEqualTo(413);
    assertThat(oversize.json().at("/meta/error").asText()).isNotEmpty();

    assertThat(http().get("v1/suppressions?limit=0", Http.app()).status()).isEqualTo(400);
    assertThat(http().get("v1/suppressions?limit=x", Http.app()).status()).isEqualTo(400);
    assertThat(http().get("v1/suppressions?limit=1001", Http.app()).status()).isEqualTo(400);
    Answer badStart = http().get("v1/suppressions?start=abc", Http.app());
    assertThat(badStart.status()).isEqualTo(400);
    assertThat(badStart.json().at("/meta/error").asText()).contains("start");
    assertThat(http().get("v1/suppressions?channel=fax", Http.app()).status()).isEqualTo(400);
    Answer unknown = http().delete("v1/suppressions/email/nobody@nowhere.example", Http.app());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().at("/meta/error").asText()).contains("nobody@nowhere.example");
    assertThat(http().delete("v1/suppressions/sms/a@b.io", Http.app()).status()).isEqualTo(404);
  }

  /** The workspace's suppressed addresses, first page of 1000. */
  private String suppressions() {
    Answer list = http().get("v1/suppressions?channel=email&limit=1000", Http.app());
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return list.json().path("suppressions").toString();
  }

  private JsonNode suppression(String address) {
    Answer list = http().get("v1/suppressions?limit=1000", Http.app());
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    for (JsonNode s : list.json().path("suppressions")) {
      if (s.path("address").asText().equals(address)) {
        return s;
      }
    }
    throw new AssertionError(address + " is not suppressed: " + list.body());
  }

  private void awaitActivity(String person, String eventName) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(http().get("v1/customers/" + person + "/activities", Http.app()).body())
                    .contains(eventName));
  }
}
