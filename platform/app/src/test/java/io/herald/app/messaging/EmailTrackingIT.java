package io.herald.app.messaging;

import static io.herald.app.messaging.TransactionalCalls.find;
import static io.herald.app.messaging.TransactionalCalls.parts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * What happens after a mail went out: opens, clicks and unsubscribes tracked through signed links
 * (and seen by segments), and Customer.io's unsubscribe call on the delivery.
 */
class EmailTrackingIT extends EmailContainerTest {

  @Test
  void opensClicksAndUnsubscribesAreTrackedAndSegmentsSeeThem() throws Exception {
    String id = unique("tx-track");
    String email = id + "@example.com";
    calls.identify(id, "{\"email\":\"" + email + "\"}");
    long messageId =
        calls.createMessage(
            "{\"name\":\"Offer\",\"subject\":\"Offer\",\"body\":\"<html><body><p><a"
                + " href='https://shop.example/offer?id=7&amp;s=1'>Offer</a> <a"
                + " href='mailto:help@shop.example'>Help</a></p></body></html>\"}");
    Answer segment =
        http()
            .post(
                "v1/segments",
                Http.app(),
                "{\"segment\":{\"name\":\""
                    + unique("Clicked offer")
                    + "\",\"type\":\"dynamic\",\"conditions\":{\"version\":1,\"condition\":"
                    + "{\"engagement\":{\"metric\":\"clicked\",\"message_id\":\""
                    + messageId
                    + "\"}}}}}");
    assertThat(segment.status()).as(segment.body()).isEqualTo(200);
    long segmentId = segment.json().at("/segment/id").asLong();
    Answer receivedSegment =
        http()
            .post(
                "v1/segments",
                Http.app(),
                "{\"segment\":{\"name\":\""
                    + unique("Received offer")
                    + "\",\"type\":\"dynamic\",\"conditions\":{\"version\":1,\"condition\":"
                    + "{\"engagement\":{\"metric\":\"received\",\"message_id\":\""
                    + messageId
                    + "\"}}}}}");
    assertThat(receivedSegment.status()).as(receivedSegment.body()).isEqualTo(200);
    long receivedSegmentId = receivedSegment.json().at("/segment/id").asLong();

    String deliveryId =
        calls.send(
            "{\"transactional_message_id\":"
                + messageId
                + ",\"identifiers\":{\"id\":\""
                + id
                + "\"}}");
    MimeMessage mail = received(1).get(0);
    assertThat(mail.getHeader("List-Unsubscribe"))
        .containsExactly("<http://localhost:8080/unsubscribe/" + deliveryId + ">");
    assertThat(mail.getHeader("List-Unsubscribe-Post"))
        .containsExactly("List-Unsubscribe=One-Click");
    String html = parts(mail).toString();
    assertThat(html).contains("mailto:help@shop.example").doesNotContain("href=\"https://shop");
    String click =
        local(find(html, "href=\"(http://localhost:8080/t/c/[^\"]+)\"").replace("&amp;", "&"));
    String pixel = local(find(html, "src=\"(http://localhost:8080/t/o/[^\"]+)\""));

    HttpClient browser = HttpClient.newHttpClient(); // never follows redirects
    HttpResponse<byte[]> image =
        browser.send(HttpRequest.newBuilder(URI.create(pixel)).build(), BodyHandlers.ofByteArray());
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("Content-Type")).hasValue("image/gif");
    HttpResponse<String> redirect =
        browser.send(HttpRequest.newBuilder(URI.create(click)).build(), BodyHandlers.ofString());
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.headers().firstValue("Location"))
        .hasValue("https://shop.example/offer?id=7&s=1");
    HttpResponse<String> forged =
        browser.send(
            HttpRequest.newBuilder(
                    URI.create(click.replaceAll("\\?u=.*", "?u=https%3A%2F%2Fevil.example%2F")))
                .build(),
            BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(404);
    assertThat(forged.headers().firstValue("Location")).isEmpty();

    JsonNode metrics = calls.awaitState(deliveryId, "sent").path("metrics");
    assertThat(metrics.has("opened")).isTrue();
    assertThat(metrics.has("clicked")).isTrue();
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        http().get("v1/segments/" + segmentId + "/membership", Http.app()).body())
                    .contains(id));
    // Sending it was the person's "received" engagement.
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        http()
                            .get("v1/segments/" + receivedSegmentId + "/membership", Http.app())
                            .body())
                    .contains(id));
    Answer activities = http().get("v1/customers/" + id + "/activities", Http.app());
    assertThat(activities.body()).contains("email_opened").contains("email_clicked");

    // The List-Unsubscribe page, then its button (the same POST as RFC 8058 one-click).
    String unsubscribe = base + "unsubscribe/" + deliveryId;
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(URI.create(unsubscribe)).build(), BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("t******@example.com").doesNotContain(email);
    HttpResponse<String> oneClick =
        browser.send(
            HttpRequest.newBuilder(URI.create(unsubscribe))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build(),
            BodyHandlers.ofString());
    assertThat(oneClick.statusCode()).isEqualTo(200);
    assertThat(oneClick.body()).contains("You are unsubscribed");
    Answer person = http().get("v1/customers/" + id + "/attributes", Http.app());
    assertThat(person.json().at("/customer/unsubscribed").asBoolean()).isTrue();
    assertThat(calls.message(deliveryId).path("metrics").has("unsubscribed")).isTrue();
  }

  @Test
  void customerIoClientsUnsubscribeThroughTheDelivery() {
    String id = unique("tx-cio-unsub");
    calls.identify(id, "{\"email\":\"" + id + "@example.com\"}");
    String deliveryId =
        calls.send(
            "{\"identifiers\":{\"id\":\""
                + id
                + "\"},\"from\":\"a@herald.test\",\"subject\":\"S\",\"body\":\"B\"}");

    // customerio-node's unsubscribe(): host root, JSON body, its Track credentials sent along.
    Answer done = http().post("unsubscribe/" + deliveryId, Http.track(), "{\"unsubscribe\":true}");
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).isEqualTo("{}");
    Answer person = http().get("v1/customers/" + id + "/attributes", Http.app());
    assertThat(person.json().at("/customer/unsubscribed").asBoolean()).isTrue();

    Answer unknown = http().post("unsubscribe/no-such-delivery", null, "{\"unsubscribe\":true}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().at("/meta/error").asText()).contains("no-such-delivery");
    Answer wrongType = http().post("unsubscribe/" + deliveryId, null, "{\"unsubscribe\":\"yes\"}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.json().at("/meta/error").asText())
        .isEqualTo("unsubscribe must be true or false");
    Answer malformed = http().post("unsubscribe/" + deliveryId, null, "{");
    assertThat(malformed.status()).isEqualTo(400);
    byte[] big = new byte[8000];
    Arrays.fill(big, (byte) ' ');
    Answer oversize =
        http().post("unsubscribe/" + deliveryId, null, new String(big, StandardCharsets.US_ASCII));
    assertThat(oversize.status()).isEqualTo(413);
  }
}
