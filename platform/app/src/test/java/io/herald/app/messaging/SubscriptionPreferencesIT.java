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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Subscription topics (opt-in and opt-out) with their API and errors, the hosted preferences page
 * (a signed form whose changes land in the person's attributes), Liquid link tags and view in
 * browser with and without retention.
 */
class SubscriptionPreferencesIT extends EmailContainerTest {

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
        calls.createMessage(
            "{\"name\":\"Beta\",\"subject\":\"Beta\",\"body\":\"<p>B</p>\",\"topic_id\":"
                + optIn.path("id").asLong()
                + "}");
    long news =
        calls.createMessage(
            "{\"name\":\"News\",\"subject\":\"News\",\"body\":\"<p>N</p>\",\"topic_id\":\""
                + optOut.path("identifier").asText()
                + "\"}");
    Answer stored = http().get("v1/transactional/" + beta, Http.app());
    assertThat(stored.json().at("/message/topic_id").asText())
        .isEqualTo(optIn.path("identifier").asText());

    String silent = unique("tx-topic-silent");
    calls.identify(silent, "{\"email\":\"" + silent + "@example.com\"}");
    String chooser = unique("tx-topic-chooser");
    calls.identify(
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

    assertThat(calls.message(silentBeta).path("state").asText()).isEqualTo("dropped");
    assertThat(calls.message(silentBeta).path("failure_message").asText())
        .isEqualTo("not subscribed to opt-in topic " + optIn.path("identifier").asText());
    assertThat(calls.message(chooserNews).path("state").asText()).isEqualTo("dropped");
    assertThat(calls.message(chooserNews).path("failure_message").asText())
        .isEqualTo("unsubscribed from topic " + optOut.path("identifier").asText());
    calls.awaitState(silentNews, "sent");
    calls.awaitState(chooserBeta, "sent");
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
    return calls.send(
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
    calls.identify(id, "{\"email\":\"" + email + "\"}");
    long messageId =
        calls.createMessage(
            "{\"name\":\"Prefs\",\"subject\":\"Prefs\",\"topic_id\":\""
                + newsId
                + "\",\"body\":\"<html><body><p>Hello prefs</p><a href='{% unsubscribe_url"
                + " %}'>Unsubscribe</a> <a href='{% manage_subscription_preferences_url"
                + " %}'>Preferences</a> <a href='{% view_in_browser_url %}'>View</a>"
                + "</body></html>\"}");

    String deliveryId = sendTo(messageId, id);
    String html = parts(received(1).get(0)).toString();
    // Herald's own pages are not click-tracked, and the HTML goes out as written (single quotes).
    assertThat(html)
        .contains("href='http://localhost:8080/unsubscribe/" + deliveryId + "'")
        .contains("href='http://localhost:8080/preferences/" + deliveryId + "'");
    String view = local(find(html, "href='(http://localhost:8080/v/[^']+)'"));
    calls.awaitState(deliveryId, "sent");

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
    assertThat(calls.message(deliveryId).path("metrics").has("preferences")).isTrue();
    assertThat(calls.message(deliveryId).path("metrics").has("unsubscribed")).isFalse();
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(http().get("v1/customers/" + id + "/activities", Http.app()).body())
                    .contains("email_preferences_updated"));

    // The next message of the News topic is dropped; the page shows the new choices.
    String next = sendTo(messageId, id);
    assertThat(calls.message(next).path("state").asText()).isEqualTo("dropped");
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
    assertThat(calls.message(deliveryId).path("metrics").has("unsubscribed")).isTrue();

    // Without retention the stored HTML is gone once sent: view in browser answers 404.
    String keepless =
        calls.send(
            "{\"transactional_message_id\":"
                + messageId
                + ",\"send_to_unsubscribed\":true,\"disable_message_retention\":true,"
                + "\"identifiers\":{\"email\":\""
                + unique("tx-keepless")
                + "@example.com\"}}");
    calls.awaitState(keepless, "sent");
    String keeplessView =
        local(
            find(
                receivedContaining("/v/" + keepless + "/"),
                "href='(http://localhost:8080/v/" + keepless + "/[^']+)'"));
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
}
