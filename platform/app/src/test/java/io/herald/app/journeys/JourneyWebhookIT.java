package io.herald.app.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Journeys calling out (#6's webhook step, #7's webhook and Slack channels) end to end: the real
 * {@code channel-webhook} and {@code channel-slack} plugins call a local HTTP server standing in
 * for a CRM and for Slack's {@code chat.postMessage}. One run calls the CRM (Liquid URL, headers
 * and body), captures fields of its JSON answer into the person's attributes, posts a Slack message
 * that uses them, then calls an endpoint answering 500 and takes the failure edge.
 */
class JourneyWebhookIT extends ContainerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BOT_TOKEN = "xoxb-journey-webhook-it";

  /** One request the local server received. */
  private record Received(String method, String path, Map<String, String> headers, String body) {}

  private static HttpServer server;
  private static final List<Received> received = new ArrayList<>();

  @BeforeAll
  static void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/crm/",
        exchange ->
            answer(
                exchange,
                201,
                "{\"id\":\"crm-7\",\"account\":{\"plan\":\"pro\",\"seats\":[{\"name\":\"Ada\"}]}}"));
    server.createContext(
        "/boom", exchange -> answer(exchange, 500, "{\"error\":\"database on fire\"}"));
    server.createContext(
        "/api/chat.postMessage",
        exchange ->
            answer(exchange, 200, "{\"ok\":true,\"channel\":\"C0123\",\"ts\":\"1.000200\"}"));
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop(0);
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
    String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    synchronized (received) {
      received.add(
          new Received(
              exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, request));
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static List<Received> received(String pathPrefix) {
    synchronized (received) {
      return received.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }
  }

  private String local() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void put(String path, String body) {
    Answer answer = http().put(path, Http.app(), body.replace('\'', '"'));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  @Test
  void aRunCallsTheCrmCapturesItsAnswerPostsToSlackAndBranchesOnA500() throws Exception {
    // The guard refuses loopback addresses unless the operator allows them: this one is allowed.
    put(
        "v1/channel_settings/hooks",
        "{'channel':'webhook','provider':'webhook','default':true,"
            + "'settings':{'allowed_networks':'127.0.0.1/32','default_timeout_seconds':'5'}}");
    put(
        "v1/channel_settings/team-slack",
        "{'channel':'slack','provider':'slack','default':true,'settings':{'bot_token':'"
            + BOT_TOKEN
            + "','base_url':'"
            + local()
            + "'}}");
    String id = "hook-" + UUID.randomUUID().toString().substring(0, 8);
    Answer person =
        http()
            .put(
                "api/v1/customers/" + id,
                Http.track(),
                "{\"email\":\"" + id + "@example.com\",\"first_name\":\"Ada\"}");
    assertThat(person.status()).as(person.body()).isEqualTo(200);

    ObjectNode doc = JSON.createObjectNode();
    doc.put("name", "Webhooks " + id);
    doc.putObject("trigger").put("type", "api");
    ArrayNode nodes = doc.putArray("nodes");
    ObjectNode crm = nodes.addObject().put("id", "crm").put("type", "send_webhook");
    ObjectNode crmSettings = crm.putObject("settings");
    crmSettings.put("url", local() + "/crm/{{customer.id}}");
    crmSettings.put("method", "put");
    crmSettings.putObject("headers").put("X-Source", "herald-{{trigger.source}}");
    crmSettings.put(
        "body", "{\"email\":\"{{customer.email}}\",\"name\":\"{{customer.first_name}}\"}");
    crmSettings
        .putObject("capture")
        .put("plan", "body.account.plan")
        .put("crm_id", "body.id")
        .put("first_seat", "body.account.seats[0].name")
        .put("crm_status", "status");
    crm.putObject("next").put("success", "notify").put("failure", "alert");
    ObjectNode notify = nodes.addObject().put("id", "notify").put("type", "send_message");
    notify
        .putObject("settings")
        .put("channel", "slack")
        .put("slack_channel", "C0123")
        .put(
            "text", "New {{customer.plan}} customer {{customer.first_name}} ({{customer.crm_id}})");
    notify.put("next", "boom");
    ObjectNode boom = nodes.addObject().put("id", "boom").put("type", "send_webhook");
    boom.putObject("settings").put("url", local() + "/boom").put("retries", 0);
    boom.putObject("next").put("success", "done").put("failure", "alert");
    nodes
        .addObject()
        .put("id", "alert")
        .put("type", "update_attribute")
        .putObject("settings")
        .putObject("attributes")
        .put("crm_sync", "failed");
    nodes.addObject().put("id", "done").put("type", "exit");

    JourneyCalls journeys = new JourneyCalls(http());
    long campaign = journeys.createActive(JSON.writeValueAsString(doc));
    journeys.trigger(campaign, "{\"ids\":[\"" + id + "\"],\"data\":{\"source\":\"it\"}}");
    JsonNode steps = journeys.completedRunSteps(campaign, PATIENCE);
    List<String> log = new ArrayList<>();
    steps.forEach(s -> log.add(s.path("node").asText() + " " + s.path("outcome").asText()));
    assertThat(log)
        .as(steps.toString())
        .containsSubsequence(
            "crm calling",
            "crm success",
            "notify sent",
            "boom calling",
            "boom failure",
            "alert updated",
            "alert completed");
    assertThat(detail(steps, "crm", "success")).isEqualTo("HTTP 201");
    assertThat(detail(steps, "boom", "failure"))
        .startsWith("HTTP 500")
        .contains("database on fire");

    // The CRM got the rendered call once, with Herald's idempotency key: the delivery id.
    List<Received> calls = received("/crm/");
    assertThat(calls).hasSize(1);
    Received call = calls.get(0);
    assertThat(call.method()).isEqualTo("PUT");
    assertThat(call.path()).isEqualTo("/crm/" + id);
    assertThat(call.headers()).containsEntry("X-Source", "herald-it");
    assertThat(call.headers().get("Content-Type")).startsWith("application/json");
    assertThat(call.headers()).containsEntry("Idempotency-Key", detail(steps, "crm", "calling"));
    assertThat(JSON.readTree(call.body()))
        .isEqualTo(JSON.readTree("{\"email\":\"" + id + "@example.com\",\"name\":\"Ada\"}"));
    // No retries were allowed for the 500.
    assertThat(received("/boom")).hasSize(1);

    // Slack's chat.postMessage got the message rendered with the captured attributes.
    // (The run does not wait for a Slack message to go out.)
    await().atMost(PATIENCE).until(() -> !received("/api/chat.postMessage").isEmpty());
    List<Received> posts = received("/api/chat.postMessage");
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).headers()).containsEntry("Authorization", "Bearer " + BOT_TOKEN);
    JsonNode slack = JSON.readTree(posts.get(0).body());
    assertThat(slack.path("channel").asText()).isEqualTo("C0123");
    assertThat(slack.path("text").asText()).isEqualTo("New pro customer Ada (crm-7)");

    JsonNode attributes =
        http()
            .get("v1/customers/" + id + "/attributes", Http.app())
            .json()
            .at("/customer/attributes");
    assertThat(attributes.path("plan").asText()).isEqualTo("pro");
    assertThat(attributes.path("crm_id").asText()).isEqualTo("crm-7");
    assertThat(attributes.path("first_seat").asText()).isEqualTo("Ada");
    assertThat(attributes.path("crm_status").asText()).isEqualTo("201");
    assertThat(attributes.path("crm_sync").asText()).isEqualTo("failed");

    // The delivery log keeps the CRM's answer for the console and the API.
    JsonNode delivery =
        http()
            .get("v1/messages/" + detail(steps, "crm", "calling"), Http.app())
            .json()
            .path("message");
    assertThat(delivery.path("type").asText()).isEqualTo("webhook");
    assertThat(delivery.at("/response/status").asInt()).isEqualTo(201);
  }

  @Test
  void aJourneyWithABadWebhookStepIsRefusedWithThePath() {
    Answer refused =
        http()
            .post(
                "v1/campaigns",
                Http.app(),
                ("{'name':'Bad hook','trigger':{'type':'api'},'nodes':[{'id':'h',"
                        + "'type':'send_webhook','settings':{'url':'ftp://x','method':'TRACE',"
                        + "'retries':11,'capture':{'plan':'answer.plan'}},"
                        + "'next':{'maybe':'h'}}]}")
                    .replace('\'', '"'));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body())
        .contains("$.nodes[0].settings.url")
        .contains("$.nodes[0].settings.method")
        .contains("$.nodes[0].settings.retries")
        .contains("$.nodes[0].settings.capture.plan")
        .contains("$.nodes[0].next.maybe");
  }

  private static String detail(JsonNode steps, String node, String outcome) {
    for (JsonNode s : steps) {
      if (s.path("node").asText().equals(node) && s.path("outcome").asText().equals(outcome)) {
        return s.path("detail").asText();
      }
    }
    throw new AssertionError("no step " + node + " " + outcome + " in " + steps);
  }
}
