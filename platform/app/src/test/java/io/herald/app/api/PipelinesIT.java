package io.herald.app.api;

import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.DataIn;
import io.herald.app.it.Db;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import io.herald.app.it.ItConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Data Pipelines calls with the bodies the official clients send (SDK-WIRE-CAPTURE.md): per-call
 * endpoints, batches, messageId deduplication, clock-skew correction, alias, semantic events,
 * permissive and strict mode, read back through the App API. Track API v2 is in {@link TrackV2IT}.
 */
class PipelinesIT extends ContainerTest {

  private DataIn dataIn() {
    return new DataIn(http());
  }

  private Answer call(String call, String body) {
    return dataIn().pipelines(call, body);
  }

  private static String writeKey() {
    return DataIn.writeKey();
  }

  private static String context() {
    return "\"context\":{\"library\":{\"name\":\"customerio-node\",\"version\":\"5.2.0\"}}";
  }

  private JsonNode customer(String id) {
    return dataIn().customer(id);
  }

  private List<JsonNode> activities(String id) {
    return dataIn().events(id);
  }

  @Test
  void perCallEndpointsWithTheNodeClientsBodies() {
    String user = unique("pu");
    Answer identify =
        call(
            "identify",
            "{\"userId\":\""
                + user
                + "\",\"traits\":{\"email\":\""
                + user
                + "@example.com\",\"plan\":\"PLAN\",\"createdAt\":\"2024-01-01T00:00:00Z\"},"
                + "\"messageId\":\"m-"
                + user
                + "\",\"timestamp\":\"2024-05-01T12:00:00.000Z\","
                + context()
                + "}");
    assertThat(identify.status()).isEqualTo(200);
    assertThat(identify.body()).isEqualTo("{}");
    JsonNode customer = customer(user);
    assertThat(customer.at("/attributes/plan").asText()).isEqualTo("PLAN");
    assertThat(customer.at("/attributes/created_at").asLong()).isEqualTo(1_704_067_200L);
    assertThat(customer.at("/identifiers/email").asText()).isEqualTo(user + "@example.com");

    String track =
        "{\"userId\":\""
            + user
            + "\",\"event\":\"EVENT_NAME\",\"properties\":{\"price\":9.99},\"messageId\":\"t-"
            + user
            + "\",\"timestamp\":\"2024-05-01T12:00:00.000Z\","
            + context()
            + "}";
    assertThat(call("track", track).status()).isEqualTo(200);
    assertThat(call("track", track).status()).as("the same messageId again").isEqualTo(200);
    call(
        "page",
        "{\"userId\":\""
            + user
            + "\",\"name\":\"PAGE_NAME\",\"category\":\"CATEGORY\",\"properties\":{\"url\":\"https://example.com/p\"},"
            + context()
            + "}");
    call(
        "screen",
        "{\"userId\":\"" + user + "\",\"name\":\"SCREEN_NAME\",\"properties\":{\"x\":1}}");

    List<JsonNode> activities = activities(user);
    assertThat(activities)
        .extracting(a -> a.path("name").asText())
        .containsExactlyInAnyOrder("EVENT_NAME", "PAGE_NAME", "SCREEN_NAME");
    JsonNode event =
        activities.stream()
            .filter(a -> a.path("name").asText().equals("EVENT_NAME"))
            .findFirst()
            .get();
    assertThat(event.path("timestamp").asLong()).isEqualTo(1_714_564_800L);
    assertThat(event.at("/data/price").asDouble()).isEqualTo(9.99);
    assertThat(event.path("type").asText()).isEqualTo("event");
  }

  @Test
  void aBatchAsTheCdpClientSendsItWithSkewCorrectionAndAnonymousVisitors() throws Exception {
    String user = unique("bu");
    String anonymous = unique("anon");
    String body =
        "{\"batch\":["
            + "{\"type\":\"track\",\"anonymousId\":\""
            + anonymous
            + "\",\"event\":\"Viewed\",\"properties\":{},\"context\":{\"ip\":\"203.0.113.9\"},"
            + "\"messageId\":\"node-next-1-"
            + anonymous
            + "\",\"integrations\":{},\"_metadata\":{\"nodeVersion\":\"20\",\"jsRuntime\":\"node\"}},"
            + "{\"type\":\"identify\",\"userId\":\""
            + user
            + "\",\"anonymousId\":\""
            + anonymous
            + "\",\"traits\":{\"plan\":\"PLAN\"}},"
            + "{\"type\":\"track\",\"userId\":\""
            + user
            + "\",\"event\":\"Skewed\",\"timestamp\":\"2030-01-01T01:00:00.000Z\"}"
            + "],\"writeKey\":\"ignored-when-basic-auth\",\"sentAt\":\"2030-01-01T01:00:00.000Z\"}";

    Answer answer = call("batch", body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);

    assertThat(customer(user).at("/attributes/plan").asText()).isEqualTo("PLAN");
    List<JsonNode> activities = activities(user);
    assertThat(activities)
        .extracting(a -> a.path("name").asText())
        .as("the visitor's event joined the person identified with its anonymousId")
        .containsExactlyInAnyOrder("Viewed", "Skewed");
    long skewed =
        activities.stream()
            .filter(a -> a.path("name").asText().equals("Skewed"))
            .findFirst()
            .get()
            .path("timestamp")
            .asLong();
    assertThat(Math.abs(skewed - System.currentTimeMillis() / 1000))
        .as("a device clock years ahead is corrected to the receipt time")
        .isLessThan(120);
    try (Connection c = Db.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT context FROM events_event WHERE name = 'Viewed' AND dedupe_id = ?")) {
      q.setString(1, "node-next-1-" + anonymous);
      try (ResultSet rs = q.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).contains("203.0.113.9");
      }
    }
  }

  @Test
  void theSegmentClientsBodyWriteKeyAuthenticatesWithoutAHeader() {
    String user = unique("wk");
    Answer answer =
        http()
            .post(
                "v1/batch",
                null,
                "{\"batch\":[{\"type\":\"identify\",\"userId\":\""
                    + user
                    + "\",\"traits\":{\"plan\":\"seg\"}}],\"writeKey\":\""
                    + ItConfig.writeKey()
                    + "\",\"sentAt\":\"2026-01-01T00:00:00.000Z\"}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(customer(user).at("/attributes/plan").asText()).isEqualTo("seg");
  }

  @Test
  void aliasMergesAndSemanticEventsActOnPeople() {
    String a = unique("ala");
    String b = unique("alb");
    call("identify", "{\"userId\":\"" + a + "\",\"traits\":{\"from_a\":1}}");
    call("identify", "{\"userId\":\"" + b + "\",\"traits\":{\"from_b\":2}}");
    assertThat(call("alias", "{\"userId\":\"" + b + "\",\"previousId\":\"" + a + "\"}").status())
        .isEqualTo(200);
    JsonNode merged = customer(b);
    assertThat(merged.at("/attributes/from_a").asInt()).isEqualTo(1);
    assertThat(merged.at("/attributes/from_b").asInt()).isEqualTo(2);
    assertThat(http().get("v1/customers/" + a + "/attributes", Http.app()).status()).isEqualTo(404);

    String delivery = unique("dl");
    assertThat(
            call(
                    "track",
                    "{\"userId\":\""
                        + b
                        + "\",\"event\":\"Report Delivery Event\",\"properties\":{\"deliveryId\":\""
                        + delivery
                        + "\",\"metric\":\"opened\"}}")
                .status())
        .isEqualTo(200);
    try (Connection c = Db.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT metric, source FROM events_delivery_metric WHERE delivery_id = ?")) {
      q.setString(1, delivery);
      try (ResultSet rs = q.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("opened pipelines");
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    call("track", "{\"userId\":\"" + b + "\",\"event\":\"User Deleted\"}");
    assertThat(http().get("v1/customers/" + b + "/attributes", Http.app()).status()).isEqualTo(404);
  }

  @Test
  void consecutiveIdentifiesApplyInOrderAndABadOneIsRefusedByItsIndex() {
    String u1 = unique("ia");
    String u3 = unique("ic");
    String body =
        "{\"batch\":["
            + "{\"type\":\"identify\",\"userId\":\""
            + u1
            + "\",\"traits\":{\"plan\":\"a\"}},"
            + "{\"type\":\"identify\",\"userId\":\""
            + unique("ib")
            + "\",\"traits\":{\"createdAt\":\"not a date\"}},"
            + "{\"type\":\"identify\",\"userId\":\""
            + u3
            + "\",\"traits\":{\"plan\":\"c\"}},"
            + "{\"type\":\"identify\",\"userId\":\""
            + u1
            + "\",\"traits\":{\"plan\":\"a2\"}},"
            + "{\"type\":\"track\",\"userId\":\""
            + u3
            + "\",\"event\":\"after\"}]}";

    Answer strict = send("batch", body, "1");
    assertThat(strict.status()).as(strict.body()).isEqualTo(400);
    assertThat(strict.json().at("/errors/0/batch_index").asInt()).isEqualTo(1);
    assertThat(strict.json().at("/errors/0/message").asText()).contains("createdAt");
    assertThat(strict.json().at("/errors/1").isMissingNode()).isTrue();
    assertThat(customer(u1).at("/attributes/plan").asText())
        .as("the later identify of the batch wins")
        .isEqualTo("a2");
    assertThat(customer(u3).at("/attributes/plan").asText()).isEqualTo("c");
    assertThat(activities(u3))
        .extracting(a -> a.path("name").asText())
        .as("the event after the identifies found the person they created")
        .containsExactly("after");
  }

  @Test
  void permissiveModeAnswers200AndRecordsTheReasonStrictModeAnswers400() throws Exception {
    String user = unique("st");
    Answer permissive =
        call("track", "{\"userId\":\"" + user + "\",\"messageId\":\"perm-" + user + "\"}");
    assertThat(permissive.status()).isEqualTo(200);
    assertThat(dropReason("perm-" + user)).contains("event: required for track");

    Answer strict = send("track", "{\"userId\":\"" + user + "\",\"properties\":[1]}", "1");
    assertThat(strict.status()).isEqualTo(400);
    assertThat(strict.json().at("/errors/0/message").asText())
        .contains("event: required for track");

    Answer strictBatch =
        send(
            "batch",
            "{\"batch\":[{\"type\":\"track\",\"userId\":\""
                + user
                + "\",\"event\":\"good\"},{\"type\":\"nonsense\",\"userId\":\"x\"}]}",
            "1");
    assertThat(strictBatch.status()).isEqualTo(400);
    assertThat(strictBatch.json().at("/errors/0/batch_index").asInt()).isEqualTo(1);
    assertThat(activities(user))
        .extracting(a -> a.path("name").asText())
        .as("the valid item was still applied")
        .containsExactly("good");
  }

  @Test
  void malformedOversizeAndUnauthenticatedRequests() {
    Answer malformed = call("track", "{\"userId\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().at("/errors/0/message").asText()).contains("malformed JSON");
    assertThat(call("batch", "{\"batch\":{}}").status()).isEqualTo(400);
    String big =
        "{\"userId\":\"x\",\"event\":\"e\",\"properties\":{\"b\":\"" + "x".repeat(40_000) + "\"}}";
    assertThat(call("track", big).status()).as("permissive: dropped with 200").isEqualTo(200);
    assertThat(send("track", big, "1").status()).isEqualTo(413);
    String bigItem = "{\"type\":\"track\"," + big.substring(1);
    String smallItem = "{\"type\":\"track\",\"userId\":\"x\",\"event\":\"small\"}";
    Answer oversizeItem = send("batch", "{\"batch\":[" + smallItem + "," + bigItem + "]}", "1");
    assertThat(oversizeItem.status())
        .as("an item over 32 KB in a batch within 500 KB")
        .isEqualTo(400);
    assertThat(oversizeItem.json().at("/errors/0/batch_index").asInt()).isEqualTo(1);
    assertThat(oversizeItem.json().at("/errors/0/message").asText())
        .isEqualTo("message: larger than 32768 bytes");
    assertThat(oversizeItem.json().at("/errors/1").isMissingNode()).isTrue();
    assertThat(http().post("v1/track", null, "{}").status()).isEqualTo(401);
    assertThat(http().post("v1/track", null, "{\"writeKey\":\"wrong\"}").status()).isEqualTo(401);
    assertThat(http().post("v1/track", Http.basic("wrong-key", ""), "{}").status()).isEqualTo(401);
  }

  private Answer send(String call, String body, String strict) {
    try {
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(base + "v1/" + call))
                      .header("Authorization", writeKey())
                      .header("Content-Type", "application/json")
                      .header("X-Strict-Mode", strict)
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String dropReason(String messageId) throws Exception {
    try (Connection c = Db.connect();
        PreparedStatement q =
            c.prepareStatement("SELECT reason FROM ingest_drop WHERE message_id = ?")) {
      q.setString(1, messageId);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getString(1) : "";
      }
    }
  }
}
