package io.herald.app.messaging;

import static io.herald.app.it.ApiAssertions.assertAppError;
import static io.herald.app.messaging.TransactionalCalls.arf;
import static io.herald.app.messaging.TransactionalCalls.dsn;
import static io.herald.app.messaging.TransactionalCalls.find;
import static io.herald.app.messaging.TransactionalCalls.parts;
import static io.herald.app.messaging.TransactionalCalls.postReport;
import static io.herald.app.messaging.TransactionalCalls.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Db;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transactional email path end to end, on the deployed WAR with the real {@code email-smtp}
 * plugin loaded from the plugins directory: channel settings (secret write-only and encrypted at
 * rest), a transactional message with Liquid, {@code POST /v1/send/email} as Customer.io's clients
 * send it, the mail as GreenMail receives it over SMTP with AUTH, and the delivery log.
 */
class TransactionalEmailIT extends ContainerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String SMTP_USER = "herald-smtp";
  private static final String SMTP_PASSWORD = "s3cret-smtp-password";

  private static GreenMail smtp;

  @BeforeAll
  static void startSmtp() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    smtp.setUser("noreply@herald.test", SMTP_USER, SMTP_PASSWORD);
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  private TransactionalCalls calls;

  @BeforeEach
  void configureChannel() throws Exception {
    calls = new TransactionalCalls(http());
    smtp.purgeEmailFromAllMailboxes();
    Answer saved =
        http()
            .put(
                "v1/channel_settings/smtp",
                Http.app(),
                "{\"channel\":\"email\",\"provider\":\"email-smtp\",\"default\":true,"
                    + "\"settings\":{\"host\":\"127.0.0.1\",\"port\":\""
                    + smtp.getSmtp().getPort()
                    + "\",\"security\":\"none\",\"username\":\""
                    + SMTP_USER
                    + "\",\"password\":\""
                    + SMTP_PASSWORD
                    + "\",\"default_from\":\"Herald <noreply@herald.test>\"},"
                    + "\"rate_limit\":{\"per_second\":50,\"burst\":10,"
                    + "\"domains\":{\"example.com\":20}}}");
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().at("/channel_setting/rate_limit/domains/example.com").asInt())
        .isEqualTo(20);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private List<MimeMessage> received(int count) {
    await().atMost(PATIENCE).until(() -> smtp.getReceivedMessages().length >= count);
    return Arrays.asList(smtp.getReceivedMessages());
  }

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
    String topic = "topic_" + UUID.randomUUID().toString().substring(0, 6);
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
  void secretsAreWriteOnlyAndEncryptedAtRest() throws Exception {
    Answer list = http().get("v1/channel_settings", Http.app());
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body())
        .doesNotContain(SMTP_PASSWORD)
        .contains("\"secrets_set\":[\"password\"]");

    // Saving again without the password keeps it: the next mail still authenticates.
    Answer resaved =
        http()
            .put(
                "v1/channel_settings/smtp",
                Http.app(),
                "{\"channel\":\"email\",\"provider\":\"email-smtp\",\"default\":true,"
                    + "\"settings\":{\"host\":\"127.0.0.1\",\"port\":\""
                    + smtp.getSmtp().getPort()
                    + "\",\"security\":\"none\",\"username\":\""
                    + SMTP_USER
                    + "\",\"default_from\":\"Herald <noreply@herald.test>\"}}");
    assertThat(resaved.status()).as(resaved.body()).isEqualTo(200);
    assertThat(resaved.body()).doesNotContain(SMTP_PASSWORD);

    try (Connection c = Db.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT settings, secrets FROM messaging_channel WHERE name = 'smtp'")) {
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          assertThat(rs.getString(1)).doesNotContain(SMTP_PASSWORD);
          assertThat(rs.getString(2)).isNotBlank().doesNotContain(SMTP_PASSWORD);
        }
      }
    }

    String id = unique("tx-resaved");
    calls.identify(id, "{\"email\":\"" + id + "@example.com\"}");
    String deliveryId =
        calls.send(
            "{\"identifiers\":{\"id\":\""
                + id
                + "\"},\"from\":\"a@herald.test\",\"subject\":\"S\",\"body\":\"B\"}");
    calls.awaitState(deliveryId, "sent");
  }

  @Test
  void badRequestsGetCustomerIoErrorsNamingTheField() {
    Answer malformed = http().post("v1/send/email", Http.app(), "{\"identifiers\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().at("/meta/error").asText()).contains("malformed JSON");

    Answer wrongType =
        http()
            .post(
                "v1/send/email",
                Http.app(),
                "{\"identifiers\":\"42\",\"from\":\"a@b.c\",\"subject\":1,\"body\":\"x\"}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.json().at("/meta/error").asText())
        .contains("identifiers must be an object")
        .contains("subject must be a string");

    Answer noTemplate =
        http().post("v1/send/email", Http.app(), "{\"identifiers\":{\"id\":\"1\"}}");
    assertThat(noTemplate.status()).isEqualTo(400);
    assertThat(noTemplate.json().at("/meta/error").asText())
        .contains("from is required")
        .contains("body is required");

    Answer unknown =
        http()
            .post(
                "v1/send/email",
                Http.app(),
                "{\"transactional_message_id\":987654321,\"identifiers\":{\"id\":\"1\"}}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().at("/meta/error").asText())
        .isEqualTo("transactional message 987654321 not found");

    Answer badAttachment =
        http()
            .post(
                "v1/send/email",
                Http.app(),
                "{\"identifiers\":{\"id\":\"1\"},\"from\":\"a@b.c\",\"subject\":\"s\","
                    + "\"body\":\"b\",\"attachments\":{\"a.pdf\":\"***\"}}");
    assertThat(badAttachment.status()).isEqualTo(400);
    assertThat(badAttachment.json().at("/meta/error").asText())
        .isEqualTo("attachments.a.pdf must be base64");

    Answer noAuth = http().post("v1/send/email", null, "{}");
    assertThat(noAuth.status()).isEqualTo(401);

    byte[] big = new byte[2048 * 1024 + 10];
    Arrays.fill(big, (byte) ' ');
    Answer oversize =
        http().post("v1/send/email", Http.app(), new String(big, StandardCharsets.US_ASCII));
    assertThat(oversize.status()).isEqualTo(413);

    assertThat(http().get("v1/messages/nope", Http.app()).status()).isEqualTo(404);
    assertThat(
            http()
                .get("v1/customers/nobody-" + UUID.randomUUID() + "/messages", Http.app())
                .status())
        .isEqualTo(404);
    Answer badProvider =
        http()
            .put(
                "v1/channel_settings/other",
                Http.app(),
                "{\"channel\":\"email\",\"provider\":\"no-such-plugin\",\"settings\":{}}");
    assertThat(badProvider.status()).isEqualTo(400);
    assertThat(badProvider.json().at("/meta/error").asText())
        .contains("provider no-such-plugin is not a started channel plugin");
    Answer badSetting =
        http()
            .put(
                "v1/channel_settings/other",
                Http.app(),
                "{\"channel\":\"email\",\"provider\":\"email-smtp\",\"settings\":{\"port\":\"x\"}}");
    assertThat(badSetting.status()).isEqualTo(400);
    assertThat(badSetting.json().at("/meta/error").asText()).contains("port");
    Answer badLimit =
        http()
            .put(
                "v1/channel_settings/other",
                Http.app(),
                "{\"channel\":\"email\",\"provider\":\"email-smtp\",\"settings\":{\"host\":"
                    + "\"h\",\"default_from\":\"a@b.c\"},\"rate_limit\":{\"per_second\":0,"
                    + "\"domains\":{\"Gmail.com\":5,\"x.io\":\"fast\"}}}");
    assertThat(badLimit.status()).isEqualTo(400);
    assertThat(badLimit.json().at("/meta/error").asText())
        .contains("rate_limit.domains.x.io must be an integer");
    Answer badLimitValues =
        http()
            .put(
                "v1/channel_settings/other",
                Http.app(),
                "{\"channel\":\"email\",\"provider\":\"email-smtp\",\"settings\":{\"host\":"
                    + "\"h\",\"default_from\":\"a@b.c\"},\"rate_limit\":{\"per_second\":0,"
                    + "\"domains\":{\"Gmail.com\":5}}}");
    assertThat(badLimitValues.json().at("/meta/error").asText())
        .contains("rate_limit.per_second must be from 1 to 100000")
        .contains("rate_limit.domains.Gmail.com is not a lower-case domain name");
  }

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
  void storedLayoutsAndSnippetsWrapSendsAndAnEditShowsOnTheNextSend() throws Exception {
    String run = unique("content").replace("-", "_");
    String person = unique("lay");
    calls.identify(person, "{\"email\":\"" + person + "@example.com\",\"first_name\":\"Ada\"}");
    calls.snippet("sig_" + run, "  Bye {{ customer.first_name }}  ");
    calls.snippet("addr " + run, "1 Main St");
    long layout =
        calls.layout(
            "Brand " + run,
            "<html><body><h1>Acme</h1>{{ content }}<footer>{{ snippets[\"addr "
                + run
                + "\"] }}</footer></body></html>");
    long id =
        calls.createMessage(
            q(
                "{'name':'Layout "
                    + run
                    + "','subject':'Hi','layout_id':"
                    + layout
                    + ",'body':'<p>Hello</p><p>{{ snippets.sig_"
                    + run
                    + " }}</p>'}"));
    assertThat(
            http()
                .get("v1/transactional/" + id, Http.app())
                .json()
                .at("/message/layout_id")
                .asLong())
        .isEqualTo(layout);
    String sendBody =
        q("{'transactional_message_id':" + id + ",'identifiers':{'id':'" + person + "'}}");

    calls.awaitState(calls.send(sendBody), "sent");
    String first = parts(received(1).get(0)).toString();
    assertThat(first).contains("<h1>Acme</h1><p>Hello</p><p>Bye Ada</p><footer>1 Main St</footer>");

    // Edits show on the next send (compiled templates are cached by their sources).
    calls.snippet("sig_" + run, "Cheers {{ customer.first_name }}");
    assertThat(
            calls.updateLayout(layout, "Brand", "<div class=\"v2\">{{ content }}</div>").status())
        .isEqualTo(200);
    calls.awaitState(calls.send(sendBody), "sent");
    assertThat(parts(received(2).get(1)).toString())
        .contains("<div class=\"v2\"><p>Hello</p><p>Cheers Ada</p></div>");

    // In use: the layout is a 409 naming the message, the snippet a 400 (as Customer.io).
    assertAppError(
        http().delete("v1/layouts/" + layout, Http.app()),
        409,
        "layout " + layout + " is used by transactional message " + id);
    assertAppError(
        http().delete("v1/snippets/sig_" + run, Http.app()),
        400,
        "snippet sig_" + run + " is used by transactional message " + id);
    assertAppError(
        http()
            .put(
                "v1/transactional/" + id,
                Http.app(),
                q("{'name':'L','subject':'s','body':'b','layout_id':987654321}")),
        400,
        "layout_id 987654321 is not a layout of this workspace");

    // A snippet that does not exist fails the delivery strictly, with the line and variable.
    long missing =
        calls.createMessage(
            q(
                "{'name':'Missing "
                    + run
                    + "','subject':'s','body':'x\\n{{ snippets.gone_"
                    + run
                    + " }}'}"));
    JsonNode failed =
        calls.awaitState(
            calls.send(
                q(
                    "{'transactional_message_id':"
                        + missing
                        + ",'identifiers':{'id':'"
                        + person
                        + "'}}")),
            "failed");
    assertThat(failed.path("failure_message").asText())
        .isEqualTo("body line 2: snippets.gone_" + run + " is not defined");

    // Unused again: both go.
    Answer detached =
        http()
            .put(
                "v1/transactional/" + id,
                Http.app(),
                q("{'name':'Layout " + run + "','subject':'Hi','body':'<p>Hello</p>'}"));
    assertThat(detached.json().at("/message/layout_id").isNull()).isTrue();
    assertThat(http().delete("v1/layouts/" + layout, Http.app()).status()).isEqualTo(204);
    assertThat(http().delete("v1/snippets/sig_" + run, Http.app()).status()).isEqualTo(204);
    assertAppError(
        http().get("v1/layouts/" + layout, Http.app()), 404, "layout " + layout + " not found");
    assertThat(
            http().get("v1/snippets", Http.app()).json().path("snippets").findValuesAsText("name"))
        .contains("addr " + run)
        .doesNotContain("sig_" + run);
  }

  @Test
  void badSnippetAndLayoutRequestsGetAppErrors() {
    assertAppError(http().put("v1/snippets", Http.app(), "{\"name\":"), 400, "malformed JSON");
    assertAppError(http().put("v1/snippets", Http.app(), "[1]"), 400, "must be a JSON object");
    Answer wrongTypes = http().put("v1/snippets", Http.app(), q("{'name':1,'value':true}"));
    assertAppError(wrongTypes, 400, "name must be a string");
    assertAppError(wrongTypes, 400, "value must be a string");
    assertAppError(http().put("v1/snippets", Http.app(), "{}"), 400, "name is required");
    assertAppError(
        http().put("v1/snippets", Http.app(), q("{'name':'a.b','value':'x'}")),
        400,
        "name may hold only letters");
    assertAppError(
        http().put("v1/snippets", Http.app(), q("{'name':'ok','value':'{% if %}'}")),
        400,
        "value line 1");
    assertAppError(
        http().delete("v1/snippets/no-such-snippet-" + UUID.randomUUID(), Http.app()),
        404,
        "not found");

    assertAppError(http().post("v1/layouts", Http.app(), "{"), 400, "malformed JSON");
    assertAppError(
        http().post("v1/layouts", Http.app(), q("{'name':['x'],'html':7}")),
        400,
        "name must be a string");
    assertAppError(
        http().post("v1/layouts", Http.app(), q("{'name':'x','html':'<p>no placeholder</p>'}")),
        400,
        "html must have exactly one {{ content }} placeholder (it has 0)");
    assertAppError(
        http().get("v1/layouts/987654321", Http.app()), 404, "layout 987654321 not found");
    assertAppError(http().get("v1/layouts/abc", Http.app()), 404, "layout abc not found");
    assertAppError(
        http().put("v1/layouts/987654321", Http.app(), q("{'name':'x','html':'{{content}}'}")),
        404,
        "layout 987654321 not found");
    assertAppError(http().delete("v1/layouts/987654321", Http.app()), 404, "not found");
    assertAppError(
        http()
            .post(
                "v1/transactional",
                Http.app(),
                q("{'name':'x','subject':'s','body':'b','layout_id':'one'}")),
        400,
        "layout_id must be an integer");

    assertThat(http().get("v1/snippets", null).status()).isEqualTo(401);
    assertThat(http().put("v1/snippets", null, "{}").status()).isEqualTo(401);
    assertThat(http().delete("v1/snippets/x", null).status()).isEqualTo(401);
    assertThat(http().get("v1/layouts", null).status()).isEqualTo(401);
    assertThat(http().post("v1/layouts", null, "{}").status()).isEqualTo(401);

    byte[] big = new byte[2048 * 1024 + 10];
    Arrays.fill(big, (byte) ' ');
    String oversize = new String(big, StandardCharsets.US_ASCII);
    assertThat(http().post("v1/layouts", Http.app(), oversize).status()).isEqualTo(413);
    assertThat(http().put("v1/snippets", Http.app(), oversize).status()).isEqualTo(413);
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
        http().post("v1/suppressions", Http.app(), "{\"channel\":\"sms\",\"address\":\"a@b.io\"}");
    assertThat(badChannel.status()).isEqualTo(400);
    assertThat(badChannel.json().at("/meta/error").asText())
        .isEqualTo("channel must be one of email");
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
    assertThat(http().get("v1/suppressions?channel=sms", Http.app()).status()).isEqualTo(400);
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

  @Test
  void aBatchIsQueuedOnTheBulkLaneAndSentWithBadEntriesReportedAtTheirIndex() throws Exception {
    String ada = unique("batch-ada");
    String bob = unique("batch-bob");
    calls.identify(ada, "{\"email\":\"" + ada + "@example.com\",\"first_name\":\"Ada\"}");
    calls.identify(bob, "{\"email\":\"" + bob + "@example.com\",\"first_name\":\"Bob\"}");
    String content =
        ",\"from\":\"shop@herald.test\",\"subject\":\"Sale for {{customer.first_name}}\","
            + "\"body\":\"<p>{{trigger.percent}}% off</p>\",\"message_data\":{\"percent\":20}}";

    JsonNode results =
        calls.sendBatch(
            "{\"messages\":[{\"identifiers\":{\"id\":\""
                + ada
                + "\"}"
                + content
                + ",{\"identifiers\":{\"id\":\"x\"},\"from\":\"a@b.c\",\"subject\":1,"
                + "\"body\":\"b\"},"
                + "{\"transactional_message_id\":987654321,\"identifiers\":{\"id\":\"x\"}},"
                + "\"not an object\","
                + "{\"identifiers\":{\"id\":\""
                + bob
                + "\"}"
                + content
                + "]}");

    assertThat(results).hasSize(5);
    assertThat(results.get(1).path("error").asText()).isEqualTo("subject must be a string");
    assertThat(results.get(2).path("error").asText())
        .isEqualTo("transactional message 987654321 not found");
    assertThat(results.get(3).path("error").asText()).isEqualTo("messages[3] must be an object");
    String first = results.get(0).path("delivery_id").asText();
    String last = results.get(4).path("delivery_id").asText();
    assertThat(results.get(0).path("queued_at").asLong()).isPositive();
    assertThat(results.get(0).has("error")).isFalse();

    List<MimeMessage> mails = received(2);
    assertThat(mails)
        .extracting(MimeMessage::getSubject)
        .containsExactlyInAnyOrder("Sale for Ada", "Sale for Bob");
    assertThat(parts(mails.get(0)).toString()).contains("20% off");
    calls.awaitState(first, "sent");
    calls.awaitState(last, "sent");
    try (Connection c = Db.connect();
        PreparedStatement q =
            c.prepareStatement("SELECT lane FROM messaging_delivery WHERE delivery_id IN (?, ?)")) {
      q.setString(1, first);
      q.setString(2, last);
      try (ResultSet rs = q.executeQuery()) {
        int rows = 0;
        while (rs.next()) {
          rows++;
          assertThat(rs.getString(1)).isEqualTo("bulk");
        }
        assertThat(rows).isEqualTo(2);
      }
    }
    // The sending loop records a batch's received engagements together (recordAll, one JTA
    // transaction, right after the outcomes' commit): segments see each once.
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(receivedEngagements(first, last)).isEqualTo(2));
  }

  private static int receivedEngagements(String... deliveryIds) throws Exception {
    try (Connection c = Db.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT COUNT(*) FROM segments_engagement e JOIN messaging_delivery d ON"
                    + " d.workspace_id = e.workspace_id AND d.cio_id = e.cio_id"
                    + " WHERE e.metric = 'received' AND d.delivery_id IN (?, ?)")) {
      q.setString(1, deliveryIds[0]);
      q.setString(2, deliveryIds[1]);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Test
  void badBatchRequestsGetAppErrors() {
    Answer malformed = http().post("v1/send/email/batch", Http.app(), "{\"messages\":[");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().at("/meta/error").asText()).contains("malformed JSON");

    Answer notArray = http().post("v1/send/email/batch", Http.app(), "{\"messages\":{}}");
    assertThat(notArray.status()).isEqualTo(400);
    assertThat(notArray.json().at("/meta/error").asText()).isEqualTo("messages must be an array");

    Answer notObject = http().post("v1/send/email/batch", Http.app(), "[]");
    assertThat(notObject.status()).isEqualTo(400);
    assertThat(notObject.json().at("/meta/error").asText())
        .isEqualTo("request body must be a JSON object");

    Answer empty = http().post("v1/send/email/batch", Http.app(), "{\"messages\":[]}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().at("/meta/error").asText()).isEqualTo("messages must not be empty");

    Answer tooMany = calls.sendBatchOf(1001, "{}");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().at("/meta/error").asText())
        .isEqualTo("messages has 1001 entries, at most 1000 allowed");

    Answer noAuth = http().post("v1/send/email/batch", null, "{\"messages\":[{}]}");
    assertThat(noAuth.status()).isEqualTo(401);

    byte[] big = new byte[16 * 1024 * 1024 + 10];
    Arrays.fill(big, (byte) ' ');
    Answer oversize =
        http().post("v1/send/email/batch", Http.app(), new String(big, StandardCharsets.US_ASCII));
    assertThat(oversize.status()).isEqualTo(413);
  }

  /** A link in a mail, aimed at the deployment instead of the configured public URL. */
  private String local(String link) {
    return link.replace("http://localhost:8080/", base.toString());
  }
}
