package io.herald.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Db;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
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
import java.util.ArrayList;
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

  @BeforeEach
  void configureChannel() throws Exception {
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

  private void identify(String id, String attributes) {
    Answer answer = http().put("api/v1/customers/" + id, Http.track(), attributes);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  private long createMessage(String json) {
    Answer created = http().post("v1/transactional", Http.app(), json);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().at("/message/id").asLong();
  }

  /** Topics this test created; deleted after it so other tests see a workspace without topics. */
  private final List<Long> topics = new ArrayList<>();

  @org.junit.jupiter.api.AfterEach
  void deleteTopics() {
    for (long topic : topics) {
      http().delete("v1/subscription_topics/" + topic, Http.app());
    }
    topics.clear();
  }

  private JsonNode createTopic(String json) {
    Answer created = http().post("v1/subscription_topics", Http.app(), json);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode topic = created.json().path("topic");
    topics.add(topic.path("id").asLong());
    return topic;
  }

  private String send(String json) {
    Answer sent = http().post("v1/send/email", Http.app(), json);
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(sent.json().path("queued_at").asLong()).isPositive();
    return sent.json().path("delivery_id").asText();
  }

  private JsonNode message(String deliveryId) {
    Answer answer = http().get("v1/messages/" + deliveryId, Http.app());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("message");
  }

  private JsonNode awaitState(String deliveryId, String state) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> assertThat(message(deliveryId).path("state").asText()).isEqualTo(state));
    return message(deliveryId);
  }

  private List<MimeMessage> received(int count) {
    await().atMost(PATIENCE).until(() -> smtp.getReceivedMessages().length >= count);
    return Arrays.asList(smtp.getReceivedMessages());
  }

  @Test
  void aTransactionalMessageIsRenderedSentOverSmtpAndLogged() throws Exception {
    String id = unique("tx-ada");
    String email = id + "@example.com";
    identify(id, "{\"email\":\"" + email + "\",\"first_name\":\"Ada\"}");
    String trigger = unique("welcome");
    long messageId =
        createMessage(
            "{\"name\":\"Welcome\",\"trigger_name\":\""
                + trigger
                + "\",\"subject\":\"Hi {{customer.first_name}}\","
                + "\"preheader\":\"Your order {{trigger.order_id}}\","
                + "\"body\":\"<html><body><p>Hello {{customer.first_name}}, order"
                + " {{trigger.order_id}}</p></body></html>\"}");

    String pdf =
        Base64.getEncoder().encodeToString("%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII));
    String deliveryId =
        send(
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

    JsonNode logged = awaitState(deliveryId, "sent");
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
    identify(id, "{\"email\":\"" + id + "@example.com\"}");
    String deliveryId =
        send(
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
    awaitState(deliveryId, "sent");
  }

  @Test
  void aMissingVariableFailsTheDeliveryWithTheFieldLineAndVariable() {
    String id = unique("tx-missing");
    identify(id, "{\"email\":\"" + id + "@example.com\"}");
    long messageId =
        createMessage(
            "{\"name\":\"Strict\",\"subject\":\"Hello\",\"body\":\"<p>Hi</p>\\n<p>"
                + "{{customer.nickname}}</p>\"}");

    String deliveryId =
        send(
            "{\"transactional_message_id\":"
                + messageId
                + ",\"identifiers\":{\"id\":\""
                + id
                + "\"}}");

    JsonNode logged = message(deliveryId);
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
    identify(
        id,
        "{\"email\":\""
            + id
            + "@example.com\",\"unsubscribed\":true,\"cio_subscription_preferences\":"
            + "{\"topics\":{\""
            + topic
            + "\":false}}}");
    long plain =
        createMessage(
            "{\"name\":\"News\",\"subject\":\"News\",\"body\":\"<p>News</p>\","
                + "\"send_to_unsubscribed\":false}");
    long topical =
        createMessage(
            "{\"name\":\"Topical\",\"subject\":\"T\",\"body\":\"<p>T</p>\",\"topic_id\":\""
                + topic
                + "\"}");

    String unsubscribed =
        send(
            "{\"transactional_message_id\":" + plain + ",\"identifiers\":{\"id\":\"" + id + "\"}}");
    String optedOut =
        send(
            "{\"transactional_message_id\":"
                + topical
                + ",\"identifiers\":{\"id\":\""
                + id
                + "\"}}");
    // Customer.io's default for transactional messages: they still reach unsubscribed people.
    String overridden =
        send(
            "{\"transactional_message_id\":"
                + plain
                + ",\"send_to_unsubscribed\":true,\"identifiers\":{\"id\":\""
                + id
                + "\"}}");

    assertThat(message(unsubscribed).path("state").asText()).isEqualTo("dropped");
    assertThat(message(unsubscribed).path("failure_message").asText()).isEqualTo("unsubscribed");
    assertThat(message(optedOut).path("state").asText()).isEqualTo("dropped");
    assertThat(message(optedOut).path("failure_message").asText()).contains(topic);
    awaitState(overridden, "sent");
    assertThat(received(1)).hasSize(1);
  }

  @Test
  void aSuppressedIdentifierGetsADroppedDelivery() {
    String id = unique("tx-supp");
    identify(id, "{\"email\":\"" + id + "@example.com\"}");
    Answer suppressed = http().post("api/v1/customers/" + id + "/suppress", Http.track(), "");
    assertThat(suppressed.status()).as(suppressed.body()).isEqualTo(200);

    String deliveryId =
        send(
            "{\"identifiers\":{\"id\":\""
                + id
                + "\"},\"to\":\""
                + id
                + "@example.com\",\"from\":\"a@herald.test\",\"subject\":\"S\",\"body\":\"B\"}");

    assertThat(message(deliveryId).path("state").asText()).isEqualTo("dropped");
    assertThat(message(deliveryId).path("failure_message").asText()).isEqualTo("suppressed");
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
    identify(id, "{\"email\":\"" + id + "@example.com\"}");
    String deliveryId =
        send(
            "{\"identifiers\":{\"id\":\""
                + id
                + "\"},\"from\":\"a@herald.test\",\"subject\":\"S\",\"body\":\"B\"}");
    awaitState(deliveryId, "sent");
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
    identify(id, "{\"email\":\"" + email + "\"}");
    long messageId =
        createMessage(
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

    String deliveryId =
        send(
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

    JsonNode metrics = awaitState(deliveryId, "sent").path("metrics");
    assertThat(metrics.has("opened")).isTrue();
    assertThat(metrics.has("clicked")).isTrue();
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        http().get("v1/segments/" + segmentId + "/membership", Http.app()).body())
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
    assertThat(message(deliveryId).path("metrics").has("unsubscribed")).isTrue();
  }

  @Test
  void customerIoClientsUnsubscribeThroughTheDelivery() {
    String id = unique("tx-cio-unsub");
    identify(id, "{\"email\":\"" + id + "@example.com\"}");
    String deliveryId =
        send(
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
    identify(bounced, "{\"email\":\"" + bounced + "@example.com\"}");
    String bouncedDelivery =
        send(
            "{\"identifiers\":{\"id\":\""
                + bounced
                + "\"},\"from\":\"a@herald.test\",\"subject\":\"S\",\"body\":\"B\"}");
    String bouncedMessageId =
        awaitState(bouncedDelivery, "sent").path("provider_message_id").asText();
    assertThat(bouncedMessageId).startsWith("<").contains(bouncedDelivery);

    HttpResponse<String> wrongSecret =
        postReport(
            client, callback, "wrong-secret", dsn(bounced + "@example.com", bouncedMessageId));
    assertThat(wrongSecret.statusCode()).as(wrongSecret.body()).isEqualTo(401);
    assertThat(message(bouncedDelivery).path("state").asText()).isEqualTo("sent");

    HttpResponse<String> unknownToken =
        postReport(
            client,
            callback.replaceAll("/callbacks/.*", "/callbacks/no-such-token"),
            "cb-secret-for-the-it",
            dsn(bounced + "@example.com", bouncedMessageId));
    assertThat(unknownToken.statusCode()).isEqualTo(404);

    HttpResponse<String> dsn =
        postReport(
            client,
            callback,
            "cb-secret-for-the-it",
            dsn(bounced + "@example.com", bouncedMessageId));
    assertThat(dsn.statusCode()).as(dsn.body()).isEqualTo(200);
    assertThat(dsn.body()).contains("\"applied\":1").contains("\"unknown\":0");
    JsonNode bouncedView = message(bouncedDelivery);
    assertThat(bouncedView.path("state").asText()).isEqualTo("bounced");
    assertThat(bouncedView.path("failure_message").asText())
        .isEqualTo(
            "550 5.1.1 <" + bounced + "@example.com>: Recipient address rejected: User unknown");
    assertThat(bouncedView.path("metrics").has("bounced")).isTrue();

    String complainer = unique("tx-complaint");
    identify(complainer, "{\"email\":\"" + complainer + "@example.com\"}");
    String complained =
        send(
            "{\"identifiers\":{\"id\":\""
                + complainer
                + "\"},\"from\":\"a@herald.test\",\"subject\":\"S\",\"body\":\"B\"}");
    String complainedMessageId =
        awaitState(complained, "sent").path("provider_message_id").asText();
    HttpResponse<String> arf =
        postReport(
            client,
            callback + "/fbl",
            "cb-secret-for-the-it",
            arf(complainer + "@example.com", complainedMessageId));
    assertThat(arf.statusCode()).as(arf.body()).isEqualTo(200);
    assertThat(message(complained).path("metrics").has("spammed")).isTrue();
    Answer person = http().get("v1/customers/" + complainer + "/attributes", Http.app());
    assertThat(person.json().at("/customer/unsubscribed").asBoolean()).isTrue();

    HttpResponse<String> unknownId =
        postReport(
            client,
            callback,
            "cb-secret-for-the-it",
            dsn("x@example.com", "<not-ours@herald.test>"));
    assertThat(unknownId.body()).contains("\"unknown\":1");
  }

  private static HttpResponse<String> postReport(
      HttpClient client, String url, String secret, String report) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "message/rfc822")
            .header("X-Herald-Callback-Secret", secret)
            .POST(HttpRequest.BodyPublishers.ofString(report, StandardCharsets.UTF_8))
            .build(),
        BodyHandlers.ofString());
  }

  /** A Postfix-style RFC 3464 hard bounce of {@code messageId}. */
  private static String dsn(String recipient, String messageId) {
    return String.join(
        "\r\n",
        "From: MAILER-DAEMON@mx.herald.test (Mail Delivery System)",
        "To: bounces@herald.test",
        "Subject: Undelivered Mail Returned to Sender",
        "MIME-Version: 1.0",
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"dsn-b\"",
        "",
        "--dsn-b",
        "Content-Type: text/plain; charset=us-ascii",
        "",
        "Your message could not be delivered.",
        "",
        "--dsn-b",
        "Content-Type: message/delivery-status",
        "",
        "Reporting-MTA: dns; mx.herald.test",
        "",
        "Final-Recipient: rfc822; " + recipient,
        "Action: failed",
        "Status: 5.1.1",
        "Diagnostic-Code: smtp; 550 5.1.1 <" + recipient + ">: Recipient address rejected:",
        " User unknown",
        "",
        "--dsn-b",
        "Content-Type: text/rfc822-headers",
        "",
        "From: Herald <noreply@herald.test>",
        "To: " + recipient,
        "Message-ID: " + messageId,
        "Subject: S",
        "",
        "--dsn-b--",
        "");
  }

  /** A Yahoo-style RFC 5965 abuse report about {@code messageId}. */
  private static String arf(String recipient, String messageId) {
    return String.join(
        "\r\n",
        "From: feedback@arf.mail.yahoo.test",
        "To: fbl@herald.test",
        "Subject: FW: S",
        "MIME-Version: 1.0",
        "Content-Type: multipart/report; report-type=feedback-report; boundary=\"arf-b\"",
        "",
        "--arf-b",
        "Content-Type: text/plain",
        "",
        "This is an email abuse report.",
        "",
        "--arf-b",
        "Content-Type: message/feedback-report",
        "",
        "Feedback-Type: abuse",
        "User-Agent: Yahoo!-Mail-Feedback/2.0",
        "Version: 1",
        "Original-Rcpt-To: " + recipient,
        "",
        "--arf-b",
        "Content-Type: message/rfc822",
        "",
        "From: Herald <noreply@herald.test>",
        "To: " + recipient,
        "Message-ID: " + messageId,
        "Subject: S",
        "",
        "B",
        "",
        "--arf-b--",
        "");
  }

  @Test
  void optInTopicsSendOnlyToPeopleWhoSaidYesAndOptOutTopicsToAllButThoseWhoSaidNo() {
    JsonNode optIn =
        createTopic(
            "{\"name\":\"Beta program\",\"description\":\"Early features\","
                + "\"subscribed_by_default\":false,\"position\":1}");
    JsonNode optOut = createTopic("{\"name\":\"Product news\",\"position\":2}");
    assertThat(optIn.path("identifier").asText()).isEqualTo("topic_" + optIn.path("id").asLong());
    assertThat(optOut.path("subscribed_by_default").asBoolean()).isTrue();
    Answer listed = http().get("v1/subscription_topics", Http.app());
    assertThat(listed.json().path("topics").findValuesAsText("name"))
        .containsSubsequence("Beta program", "Product news");

    long beta =
        createMessage(
            "{\"name\":\"Beta\",\"subject\":\"Beta\",\"body\":\"<p>B</p>\",\"topic_id\":"
                + optIn.path("id").asLong()
                + "}");
    long news =
        createMessage(
            "{\"name\":\"News\",\"subject\":\"News\",\"body\":\"<p>N</p>\",\"topic_id\":\""
                + optOut.path("identifier").asText()
                + "\"}");
    Answer stored = http().get("v1/transactional/" + beta, Http.app());
    assertThat(stored.json().at("/message/topic_id").asText())
        .isEqualTo(optIn.path("identifier").asText());

    String silent = unique("tx-topic-silent");
    identify(silent, "{\"email\":\"" + silent + "@example.com\"}");
    String chooser = unique("tx-topic-chooser");
    identify(
        chooser,
        "{\"email\":\""
            + chooser
            + "@example.com\",\"cio_subscription_preferences\":{\"topics\":{\""
            + optIn.path("identifier").asText()
            + "\":true,\""
            + optOut.path("identifier").asText()
            + "\":false}}}");

    String silentBeta = sendTo(beta, silent);
    String silentNews = sendTo(news, silent);
    String chooserBeta = sendTo(beta, chooser);
    String chooserNews = sendTo(news, chooser);

    assertThat(message(silentBeta).path("state").asText()).isEqualTo("dropped");
    assertThat(message(silentBeta).path("failure_message").asText())
        .isEqualTo("not subscribed to opt-in topic " + optIn.path("identifier").asText());
    assertThat(message(chooserNews).path("state").asText()).isEqualTo("dropped");
    assertThat(message(chooserNews).path("failure_message").asText())
        .isEqualTo("unsubscribed from topic " + optOut.path("identifier").asText());
    awaitState(silentNews, "sent");
    awaitState(chooserBeta, "sent");
    assertThat(received(2)).hasSize(2);

    Answer unknownTopic =
        http()
            .post(
                "v1/transactional",
                Http.app(),
                "{\"name\":\"X\",\"subject\":\"X\",\"body\":\"<p>X</p>\",\"topic_id\":\"topic_987654\"}");
    assertThat(unknownTopic.status()).isEqualTo(400);
    assertThat(unknownTopic.json().at("/meta/error").asText())
        .contains("topic_id topic_987654 names no subscription topic");
  }

  private String sendTo(long messageId, String personId) {
    return send(
        "{\"transactional_message_id\":"
            + messageId
            + ",\"identifiers\":{\"id\":\""
            + personId
            + "\"}}");
  }

  @Test
  void subscriptionTopicRequestsAreCheckedAndAnswerCustomerIoErrors() {
    JsonNode topic = createTopic("{\"name\":\"Digest\"}");
    long id = topic.path("id").asLong();

    Answer changed =
        http()
            .put(
                "v1/subscription_topics/" + id,
                Http.app(),
                "{\"description\":\"Weekly\",\"subscribed_by_default\":false}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().at("/topic/name").asText()).isEqualTo("Digest");
    assertThat(changed.json().at("/topic/description").asText()).isEqualTo("Weekly");
    assertThat(changed.json().at("/topic/subscribed_by_default").asBoolean()).isFalse();
    assertThat(
            http()
                .get("v1/subscription_topics/" + id, Http.app())
                .json()
                .at("/topic/name")
                .asText())
        .isEqualTo("Digest");

    Answer malformed = http().post("v1/subscription_topics", Http.app(), "{\"name\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().at("/meta/error").asText()).contains("malformed JSON");
    Answer wrongTypes =
        http()
            .post(
                "v1/subscription_topics",
                Http.app(),
                "{\"name\":7,\"subscribed_by_default\":\"yes\",\"position\":1.5}");
    assertThat(wrongTypes.status()).isEqualTo(400);
    assertThat(wrongTypes.json().at("/meta/error").asText())
        .contains("name must be a string")
        .contains("subscribed_by_default must be true or false")
        .contains("position must be an integer");
    Answer noName = http().post("v1/subscription_topics", Http.app(), "{}");
    assertThat(noName.status()).isEqualTo(400);
    assertThat(noName.json().at("/meta/error").asText()).isEqualTo("name is required");
    Answer notObject = http().put("v1/subscription_topics/" + id, Http.app(), "[]");
    assertThat(notObject.status()).isEqualTo(400);
    assertThat(http().post("v1/subscription_topics", null, "{\"name\":\"x\"}").status())
        .isEqualTo(401);
    assertThat(http().get("v1/subscription_topics", null).status()).isEqualTo(401);
    byte[] big = new byte[64 * 1024 + 10];
    Arrays.fill(big, (byte) ' ');
    assertThat(
            http()
                .post(
                    "v1/subscription_topics",
                    Http.app(),
                    new String(big, StandardCharsets.US_ASCII))
                .status())
        .isEqualTo(413);

    for (String unknown : List.of("987654", "topic_1", "-1")) {
      Answer get = http().get("v1/subscription_topics/" + unknown, Http.app());
      assertThat(get.status()).isEqualTo(404);
      assertThat(get.json().at("/meta/error").asText())
          .isEqualTo("subscription topic " + unknown + " not found");
      assertThat(
              http()
                  .put("v1/subscription_topics/" + unknown, Http.app(), "{\"name\":\"x\"}")
                  .status())
          .isEqualTo(404);
      assertThat(http().delete("v1/subscription_topics/" + unknown, Http.app()).status())
          .isEqualTo(404);
    }
    assertThat(http().delete("v1/subscription_topics/" + id, Http.app()).status()).isEqualTo(204);
    assertThat(http().get("v1/subscription_topics/" + id, Http.app()).status()).isEqualTo(404);
  }

  @Test
  void linkTagsThePreferencesPageAndViewInBrowserWorkEndToEnd() throws Exception {
    JsonNode news = createTopic("{\"name\":\"News <&> \\\"more\\\"\",\"position\":1}");
    JsonNode beta =
        createTopic("{\"name\":\"Beta\",\"subscribed_by_default\":false,\"position\":2}");
    String newsId = news.path("identifier").asText();
    String betaId = beta.path("identifier").asText();
    String id = unique("tx-prefs");
    String email = id + "@example.com";
    identify(id, "{\"email\":\"" + email + "\"}");
    long messageId =
        createMessage(
            "{\"name\":\"Prefs\",\"subject\":\"Prefs\",\"topic_id\":\""
                + newsId
                + "\",\"body\":\"<html><body><p>Hello prefs</p><a href='{% unsubscribe_url"
                + " %}'>Unsubscribe</a> <a href='{% manage_subscription_preferences_url"
                + " %}'>Preferences</a> <a href='{% view_in_browser_url %}'>View</a>"
                + "</body></html>\"}");

    String deliveryId = sendTo(messageId, id);
    String html = parts(received(1).get(0)).toString();
    assertThat(html)
        .contains("href=\"http://localhost:8080/unsubscribe/" + deliveryId + "\"")
        .contains("href=\"http://localhost:8080/preferences/" + deliveryId + "\"");
    String view = local(find(html, "href=\"(http://localhost:8080/v/[^\"]+)\""));
    awaitState(deliveryId, "sent");

    HttpClient browser = HttpClient.newHttpClient();
    HttpResponse<String> viewed =
        browser.send(HttpRequest.newBuilder(URI.create(view)).build(), BodyHandlers.ofString());
    assertThat(viewed.statusCode()).isEqualTo(200);
    assertThat(viewed.body()).contains("Hello prefs");
    assertThat(viewed.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("sandbox")
        .contains("default-src 'none'");
    HttpResponse<String> forgedView =
        browser.send(
            HttpRequest.newBuilder(URI.create(view.substring(0, view.length() - 4) + "AAAA"))
                .build(),
            BodyHandlers.ofString());
    assertThat(forgedView.statusCode()).isEqualTo(404);

    // The form: every topic, checked as the person's choice or the topic's default says.
    for (String path : List.of("unsubscribe/", "preferences/")) {
      HttpResponse<String> page =
          browser.send(
              HttpRequest.newBuilder(URI.create(base + path + deliveryId)).build(),
              BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("value=\"" + newsId + "\" checked")
          .contains("value=\"" + betaId + "\">")
          .contains("News &lt;&amp;&gt; &quot;more&quot;")
          .doesNotContain("<&>")
          .contains("name=\"unsubscribe_all\"")
          .doesNotContain(email);
    }
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "preferences/" + deliveryId)).build(),
            BodyHandlers.ofString());
    String token = find(page.body(), "name=\"token\" value=\"([^\"]+)\"");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("frame-ancestors 'none'")
        .contains("form-action 'self'");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");

    // A form from elsewhere (no or a wrong token) changes nothing.
    HttpResponse<String> forged =
        postForm(browser, "preferences/" + deliveryId, "token=forged&topic=" + betaId);
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> otherDelivery =
        postForm(browser, "preferences/" + sendTo(messageId, id), "token=" + enc(token));
    assertThat(otherDelivery.statusCode()).isEqualTo(403);
    assertThat(postForm(browser, "preferences/" + deliveryId, "topic=" + betaId).statusCode())
        .isEqualTo(400);
    assertThat(postForm(browser, "preferences/no-such-delivery", "token=x").statusCode())
        .isEqualTo(404);
    Answer untouched = http().get("v1/customers/" + id + "/attributes", Http.app());
    assertThat(
            untouched
                .json()
                .at("/customer/attributes/cio_subscription_preferences")
                .isMissingNode())
        .isTrue();

    HttpResponse<String> saved =
        postForm(browser, "unsubscribe/" + deliveryId, "token=" + enc(token) + "&topic=" + betaId);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(saved.body()).contains("Your preferences are saved.");

    Answer person = http().get("v1/customers/" + id + "/attributes", Http.app());
    JsonNode prefs = person.json().at("/customer/attributes/cio_subscription_preferences/topics");
    assertThat(prefs.path(newsId).asBoolean(true)).as(person.body()).isFalse();
    assertThat(prefs.path(betaId).asBoolean(false)).as(person.body()).isTrue();
    assertThat(person.json().at("/customer/unsubscribed").asBoolean()).isFalse();
    assertThat(message(deliveryId).path("metrics").has("preferences")).isTrue();
    assertThat(message(deliveryId).path("metrics").has("unsubscribed")).isFalse();
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(http().get("v1/customers/" + id + "/activities", Http.app()).body())
                    .contains("email_preferences_updated"));

    // The next message of the News topic is dropped; the page shows the new choices.
    String next = sendTo(messageId, id);
    assertThat(message(next).path("state").asText()).isEqualTo("dropped");
    HttpResponse<String> again =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "preferences/" + deliveryId)).build(),
            BodyHandlers.ofString());
    assertThat(again.body())
        .contains("value=\"" + newsId + "\">")
        .contains("value=\"" + betaId + "\" checked");

    // Unsubscribing from everything is the global flag and the delivery's unsubscribe.
    HttpResponse<String> all =
        postForm(
            browser,
            "preferences/" + deliveryId,
            "token=" + enc(token) + "&topic=" + betaId + "&unsubscribe_all=true");
    assertThat(all.body()).contains("unsubscribed from all emails");
    assertThat(
            http()
                .get("v1/customers/" + id + "/attributes", Http.app())
                .json()
                .at("/customer/unsubscribed")
                .asBoolean())
        .isTrue();
    assertThat(message(deliveryId).path("metrics").has("unsubscribed")).isTrue();

    // Without retention the stored HTML is gone once sent: view in browser answers 404.
    String keepless =
        send(
            "{\"transactional_message_id\":"
                + messageId
                + ",\"send_to_unsubscribed\":true,\"disable_message_retention\":true,"
                + "\"identifiers\":{\"email\":\""
                + unique("tx-keepless")
                + "@example.com\"}}");
    awaitState(keepless, "sent");
    String keeplessView =
        local(
            find(
                receivedContaining("/v/" + keepless + "/"),
                "href=\"(http://localhost:8080/v/" + keepless + "/[^\"]+)\""));
    assertThat(
            browser
                .send(
                    HttpRequest.newBuilder(URI.create(keeplessView)).build(),
                    BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(404);
  }

  /** The parts of the received mail that contains {@code text}, once it arrived. */
  private static String receivedContaining(String text) {
    List<String> found = new ArrayList<>();
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              for (MimeMessage mail : smtp.getReceivedMessages()) {
                String all = parts(mail).toString();
                if (all.contains(text)) {
                  found.add(all);
                  return true;
                }
              }
              return false;
            });
    return found.get(0);
  }

  private HttpResponse<String> postForm(HttpClient client, String path, String form)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        BodyHandlers.ofString());
  }

  private static String enc(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void ccIsAHeaderBccOnlyAnEnvelopeRecipientAndFakeBccSendsSeparateCopies() throws Exception {
    String id = unique("tx-cc");
    identify(id, "{\"email\":\"" + id + "@example.com\"}");
    String boss = unique("boss") + "@example.com";
    String audit = unique("audit") + "@example.com";
    String deliveryId =
        send(
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
    awaitState(deliveryId, "sent");

    smtp.purgeEmailFromAllMailboxes();
    String fakeAudit = unique("fake-audit") + "@example.com";
    String faked =
        send(
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
    awaitState(faked, "sent");

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

  /** A link in a mail, aimed at the deployment instead of the configured public URL. */
  private String local(String link) {
    return link.replace("http://localhost:8080/", base.toString());
  }

  private static String find(String text, String regex) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex + " in " + text).isTrue();
    return m.group(1);
  }

  /** Every part's content type, file name and text, depth first. */
  private static List<String> parts(jakarta.mail.Part part) throws Exception {
    List<String> out = new ArrayList<>();
    out.add(part.getContentType());
    if (part.getFileName() != null) {
      out.add(part.getFileName());
    }
    Object content = part.getContent();
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        out.addAll(parts(child));
      }
    } else if (content instanceof String text) {
      out.add(text);
    } else {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      part.getDataHandler().writeTo(bytes);
      out.add(bytes.size() + " bytes");
    }
    return out;
  }
}
