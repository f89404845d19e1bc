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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the container tests of SMS, push, WhatsApp and in-app sends through the Transactional API
 * (#5, #7): before each test the workspace's default setting of each channel is the test-only
 * recording echo provider ({@code plugins/channel-test-echo}: {@code test-echo-sms}, {@code -push},
 * {@code -whatsapp}, {@code -in-app}), whose callback URL lists the exact {@code OutboundMessage}s
 * it was given and takes sender and delivery events; after each test the queue is left quiet.
 */
abstract class ChannelContainerTest extends ContainerTest {

  static final Duration PATIENCE = Duration.ofSeconds(30);
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ECHO_TOKEN = "echo-callback-token-for-the-it";
  static final String GONE_TOKEN = "GONE-TOKEN-CHANNEL-IT";

  TransactionalCalls calls;

  /** Channel → its setting's callback URL, aimed at the deployment. */
  final java.util.Map<String, String> callbacks = new java.util.HashMap<>();

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

  String smsTo(String id) {
    return "{\"identifiers\":{\"id\":\"" + id + "\"},\"body\":\"Deal of the day\"}";
  }

  String send(String channel, String body) {
    Answer sent = sendAnswer(channel, body);
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(sent.json().path("queued_at").asLong()).isPositive();
    return sent.json().path("delivery_id").asText();
  }

  Answer sendAnswer(String channel, String body) {
    return http().post("v1/send/" + channel, Http.app(), body);
  }

  static String error(Answer answer) {
    return answer.json().at("/meta/error").asText();
  }

  void device(String id, String token, String platform, long lastUsed) {
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
  JsonNode sentMessage(String channel, String deliveryId) {
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
  List<String> sentTo(String channel, String body) throws Exception {
    List<String> to = new ArrayList<>();
    for (JsonNode m : sentList(channel)) {
      if (m.path("body").asText().equals(body)) {
        to.add(m.path("recipient").asText() + "/" + m.at("/payload/platform").asText());
      }
    }
    return to;
  }

  JsonNode sentList(String channel) throws Exception {
    HttpResponse<String> list = callback(channel, "GET", "sent", ECHO_TOKEN);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    return JSON.readTree(list.body()).path("messages");
  }

  HttpResponse<String> event(String channel, String kind, String from, String text, String id)
      throws Exception {
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

  HttpResponse<String> callback(String channel, String method, String path, String token)
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

  List<String> events(String id) {
    List<String> names = new ArrayList<>();
    http()
        .get("v1/customers/" + id + "/activities?limit=100", Http.app())
        .json()
        .path("activities")
        .forEach(a -> names.add(a.path("name").asText()));
    return names;
  }

  JsonNode activity(String id, String name) {
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

  static long deviceCount(String token) throws Exception {
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

  static long pendingDeliveries() throws Exception {
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

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A random US number in E.164. */
  static String phone() {
    return "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
  }
}
