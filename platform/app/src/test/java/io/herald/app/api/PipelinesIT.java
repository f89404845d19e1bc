package io.herald.app.api;

import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.ContainerTest;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Data Pipelines calls with the bodies the official clients send (SDK-WIRE-CAPTURE.md): per-call
 * endpoints, batches, messageId deduplication, clock-skew correction, alias, semantic events,
 * permissive and strict mode, read back through the App API.
 */
class PipelinesIT extends ContainerTest {

  private static String writeKey() {
    return Http.basic(ItConfig.writeKey(), "");
  }

  private Answer call(String call, String body) {
    return http().post("v1/" + call, writeKey(), body);
  }

  private static String context() {
    return "\"context\":{\"library\":{\"name\":\"customerio-node\",\"version\":\"5.2.0\"}}";
  }

  private JsonNode customer(String id) {
    Answer answer = http().get("v1/customers/" + id + "/attributes", Http.app());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("customer");
  }

  /** The person's events, page and screen views (not the profile changes the feed also holds). */
  private List<JsonNode> activities(String id) {
    List<JsonNode> list = new ArrayList<>();
    http()
        .get("v1/customers/" + id + "/activities?limit=100", Http.app())
        .json()
        .path("activities")
        .forEach(
            a -> {
              if (List.of("event", "page", "screen").contains(a.path("type").asText())) {
                list.add(a);
              }
            });
    return list;
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
  void trackV2EntityAndBatchForPeople() {
    String id = unique("v2");
    String email = id + "@example.com";
    Answer entity =
        http()
            .post(
                "api/v2/entity",
                Http.track(),
                "{\"type\":\"person\",\"identifiers\":{\"id\":\""
                    + id
                    + "\"},\"action\":\"identify\",\"attributes\":{\"plan\":\"PLAN\",\"email\":\""
                    + email
                    + "\"}}");
    assertThat(entity.status()).as(entity.body()).isEqualTo(200);
    assertThat(entity.body()).isEqualTo("{}");
    assertThat(customer(id).at("/attributes/plan").asText()).isEqualTo("PLAN");

    String other = unique("v2o");
    Answer batch =
        http()
            .post(
                "api/v2/batch",
                Http.track(),
                "{\"batch\":["
                    + "{\"type\":\"person\",\"identifiers\":{\"email\":\""
                    + email
                    + "\"},\"action\":\"event\",\"name\":\"EVENT_NAME\",\"timestamp\":1700000000,"
                    + "\"attributes\":{\"price\":1}},"
                    + "{\"type\":\"person\",\"identifiers\":{\"id\":\""
                    + id
                    + "\"},\"action\":\"page\",\"name\":\"/pricing\"},"
                    + "{\"type\":\"person\",\"identifiers\":{\"id\":\""
                    + id
                    + "\"},\"action\":\"fly\"},"
                    + "{\"type\":\"person\",\"identifiers\":{\"id\":\""
                    + other
                    + "\"},\"action\":\"identify\",\"attributes\":{\"from_other\":true}},"
                    + "{\"type\":\"person\",\"identifiers\":{\"id\":\""
                    + id
                    + "\",\"email\":\"x@example.com\"},\"action\":\"delete\"},"
                    + "{\"type\":\"person\",\"action\":\"merge\",\"primary\":{\"id\":\""
                    + id
                    + "\"},\"secondary\":{\"id\":\""
                    + other
                    + "\"}}"
                    + "]}");
    assertThat(batch.status()).as(batch.body()).isEqualTo(207);
    JsonNode errors = batch.json().path("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).path("batch_index").asInt()).isEqualTo(2);
    assertThat(errors.get(0).path("field").asText()).isEqualTo("action");
    assertThat(errors.get(1).path("batch_index").asInt()).isEqualTo(4);
    assertThat(errors.get(1).path("field").asText()).isEqualTo("identifiers");

    assertThat(activities(id))
        .extracting(a -> a.path("name").asText())
        .containsExactlyInAnyOrder("EVENT_NAME", "/pricing");
    assertThat(customer(id).at("/attributes/from_other").asBoolean())
        .as("merged in the batch's order, after the identify")
        .isTrue();

    Answer invalid =
        http().post("api/v2/entity", Http.track(), "{\"type\":\"person\",\"action\":\"identify\"}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().at("/errors/0/field").asText()).isEqualTo("identifiers");
    assertThat(http().post("api/v2/entity", Http.track(), "{\"type\": ").status()).isEqualTo(400);
    assertThat(http().post("api/v2/batch", Http.track(), "{\"batch\":{}}").status()).isEqualTo(400);
    String big = "{\"type\":\"person\",\"b\":\"" + "x".repeat(33 * 1024) + "\"}";
    assertThat(http().post("api/v2/entity", Http.track(), big).status()).isEqualTo(413);
    assertThat(http().post("api/v2/entity", null, "{}").status()).isEqualTo(401);
    Answer unknownMerge =
        http()
            .post(
                "api/v2/entity",
                Http.track(),
                "{\"type\":\"person\",\"action\":\"merge\",\"primary\":{\"id\":\""
                    + unique("nobody")
                    + "\"},\"secondary\":{\"id\":\""
                    + id
                    + "\"}}");
    assertThat(unknownMerge.status()).isEqualTo(400);
    assertThat(unknownMerge.json().at("/errors/0/reason").asText()).isEqualTo("not_found");
    assertThat(unknownMerge.json().at("/errors/0/field").asText()).isEqualTo("primary");
    assertThat(customer(id).at("/attributes/plan").asText())
        .as("nothing changed")
        .isEqualTo("PLAN");
  }

  private JsonNode relationshipsOf(String customer) {
    return http()
        .get("v1/customers/" + customer + "/relationships", Http.app())
        .json()
        .path("cio_relationships");
  }

  @Test
  void objectsAndRelationshipsThroughEveryDataInApi() {
    String ada = unique("ada");
    String acme = unique("acme");
    // Track v1 identify with cio_relationships (add, then delete).
    Answer identify =
        http()
            .put(
                "api/v1/customers/" + ada,
                Http.track(),
                "{\"plan\":\"pro\",\"cio_relationships\":{\"action\":\"add_relationships\","
                    + "\"relationships\":[{\"identifiers\":{\"object_type_id\":\"1\",\"object_id\":\""
                    + acme
                    + "\"},\"relationship_attributes\":{\"role\":\"admin\"}}]}}");
    assertThat(identify.status()).as(identify.body()).isEqualTo(200);
    assertThat(customer(ada).at("/attributes").has("cio_relationships")).isFalse();
    assertThat(relationshipsOf(ada).get(0).at("/identifiers/object_id").asText()).isEqualTo(acme);
    assertThat(relationshipsOf(ada).get(0).at("/relationship_attributes/role").asText())
        .isEqualTo("admin");
    Answer badRelationships =
        http()
            .put(
                "api/v1/customers/" + ada,
                Http.track(),
                "{\"plan\":\"changed\",\"cio_relationships\":{\"action\":\"fly\",\"relationships\":[]}}");
    assertThat(badRelationships.status()).isEqualTo(400);
    assertThat(customer(ada).at("/attributes/plan").asText())
        .as("nothing written")
        .isEqualTo("pro");
    http()
        .put(
            "api/v1/customers/" + ada,
            Http.track(),
            "{\"cio_relationships\":{\"action\":\"delete_relationships\",\"relationships\":"
                + "[{\"identifiers\":{\"object_type_id\":\"1\",\"object_id\":\""
                + acme
                + "\"}}]}}");
    assertThat(relationshipsOf(ada)).isEmpty();

    // Track v2: object identify relating a person; person add/delete_relationships.
    Answer object =
        http()
            .post(
                "api/v2/entity",
                Http.track(),
                "{\"type\":\"object\",\"identifiers\":{\"object_type_id\":\"1\",\"object_id\":\""
                    + acme
                    + "\"},\"action\":\"identify\",\"attributes\":{\"name\":\"ACME\"},"
                    + "\"cio_relationships\":[{\"identifiers\":{\"id\":\""
                    + ada
                    + "\"},\"relationship_attributes\":{\"seat\":1}}]}");
    assertThat(object.status()).as(object.body()).isEqualTo(200);
    JsonNode acmeNode = http().get("v1/objects/1/" + acme + "/attributes", Http.app()).json();
    assertThat(acmeNode.at("/object/attributes/name").asText()).isEqualTo("ACME");
    assertThat(relationshipsOf(ada)).hasSize(1);
    Answer removed =
        http()
            .post(
                "api/v2/batch",
                Http.track(),
                "{\"batch\":[{\"type\":\"person\",\"identifiers\":{\"id\":\""
                    + ada
                    + "\"},\"action\":\"delete_relationships\",\"cio_relationships\":"
                    + "[{\"identifiers\":{\"object_type_id\":\"1\",\"object_id\":\""
                    + acme
                    + "\"}}]},{\"type\":\"object\",\"identifiers\":{\"object_type_id\":\"1\"},"
                    + "\"action\":\"identify\"}]}");
    assertThat(removed.status()).isEqualTo(207);
    assertThat(removed.json().at("/errors/0/batch_index").asInt()).isEqualTo(1);
    assertThat(removed.json().at("/errors/0/field").asText()).startsWith("identifiers");
    assertThat(relationshipsOf(ada)).isEmpty();

    // Pipelines: group, Relationship Deleted, Object Deleted.
    String group = unique("grp");
    Answer grouped =
        call(
            "group",
            "{\"userId\":\""
                + ada
                + "\",\"groupId\":\""
                + group
                + "\",\"traits\":{\"name\":\"Group Inc\",\"object_type_id\":\"1\"}}");
    assertThat(grouped.status()).isEqualTo(200);
    assertThat(
            http()
                .get("v1/objects/1/" + group + "/attributes", Http.app())
                .json()
                .at("/object/attributes/name")
                .asText())
        .isEqualTo("Group Inc");
    assertThat(relationshipsOf(ada))
        .extracting(r -> r.at("/identifiers/object_id").asText())
        .containsExactly(group);
    call(
        "track",
        "{\"userId\":\""
            + ada
            + "\",\"event\":\"Relationship Deleted\",\"properties\":{\"objectTypeId\":\"1\","
            + "\"objectId\":\""
            + group
            + "\"}}");
    assertThat(relationshipsOf(ada)).isEmpty();
    call(
        "track",
        "{\"userId\":\""
            + ada
            + "\",\"event\":\"Object Deleted\",\"properties\":{\"objectTypeId\":\"1\","
            + "\"objectId\":\""
            + group
            + "\"}}");
    assertThat(http().get("v1/objects/1/" + group + "/attributes", Http.app()).status())
        .isEqualTo(404);
  }

  @Test
  void theSdkBatchFromTheWireCaptureAndDevicesThroughV2AndPipelines() {
    String customer = unique("sdk");
    String email = customer + "@example.com";
    String object = unique("OBJECT_ID");
    Answer batch =
        http()
            .post(
                "api/v2/batch",
                Http.track(),
                ("{\"batch\":[{\"type\":\"person\",\"identifiers\":{\"id\":\"CUSTOMER_ID\"},"
                        + "\"action\":\"identify\",\"attributes\":{\"plan\":\"PLAN\"}},"
                        + "{\"type\":\"person\",\"identifiers\":{\"email\":\"EMAIL\"},\"action\":\"event\","
                        + "\"name\":\"EVENT_NAME\",\"timestamp\":1700000000,\"attributes\":{\"price\":1}},"
                        + "{\"type\":\"person\",\"identifiers\":{\"id\":\"CUSTOMER_ID\"},\"action\":\"add_device\","
                        + "\"device\":{\"token\":\"DEVICE_TOKEN\",\"platform\":\"ios\"}},"
                        + "{\"type\":\"person\",\"identifiers\":{\"id\":\"CUSTOMER_ID\"},\"action\":\"delete\"},"
                        + "{\"type\":\"object\",\"identifiers\":{\"object_type_id\":\"1\",\"object_id\":\"OBJECT_ID\"},"
                        + "\"action\":\"identify\",\"attributes\":{\"name\":\"ACME\"}}]}")
                    .replace("CUSTOMER_ID", customer)
                    .replace("EMAIL", email)
                    .replace("DEVICE_TOKEN", customer + "-token")
                    .replace("OBJECT_ID", object));
    assertThat(batch.status()).as(batch.body()).isEqualTo(200);
    assertThat(batch.body()).isEqualTo("{}");
    assertThat(http().get("v1/customers/" + customer + "/attributes", Http.app()).status())
        .as("identified, given a device, then deleted in the batch's order")
        .isEqualTo(404);
    String byEmail = email.replace("@", "%40") + "/activities?id_type=email";
    List<String> emailEvents = new ArrayList<>();
    http()
        .get("v1/customers/" + byEmail, Http.app())
        .json()
        .path("activities")
        .forEach(
            a -> {
              if (a.path("type").asText().equals("event")) {
                emailEvents.add(a.path("name").asText());
              }
            });
    assertThat(emailEvents).containsExactly("EVENT_NAME");
    assertThat(
            http()
                .get("v1/objects/1/" + object + "/attributes", Http.app())
                .json()
                .at("/object/attributes/name")
                .asText())
        .isEqualTo("ACME");

    String owner = unique("dev");
    http()
        .post(
            "api/v2/entity",
            Http.track(),
            "{\"type\":\"person\",\"identifiers\":{\"id\":\""
                + owner
                + "\"},\"action\":\"add_device\",\"device\":{\"token\":\""
                + owner
                + "-v2\",\"platform\":\"android\",\"last_used\":1700000000}}");
    call(
        "track",
        "{\"userId\":\""
            + owner
            + "\",\"event\":\"Device Created or Updated\",\"properties\":{\"app_version\":\"1.2.3\"},"
            + "\"context\":{\"device\":{\"token\":\""
            + owner
            + "-cdp\",\"type\":\"ios\"}}}");
    JsonNode devices = customer(owner).path("devices");
    assertThat(devices)
        .extracting(d -> d.path("id").asText())
        .containsExactlyInAnyOrder(owner + "-v2", owner + "-cdp");
    assertThat(devices)
        .filteredOn(d -> d.path("id").asText().endsWith("-cdp"))
        .singleElement()
        .satisfies(d -> assertThat(d.at("/attributes/app_version").asText()).isEqualTo("1.2.3"));
    http()
        .post(
            "api/v2/entity",
            Http.track(),
            "{\"type\":\"person\",\"identifiers\":{\"id\":\""
                + owner
                + "\"},\"action\":\"delete_device\",\"device\":{\"token\":\""
                + owner
                + "-v2\"}}");
    call(
        "track",
        "{\"userId\":\""
            + owner
            + "\",\"event\":\"Device Deleted\",\"context\":{\"device\":{\"token\":\""
            + owner
            + "-cdp\"}}}");
    assertThat(customer(owner).path("devices")).isEmpty();
    Answer badDevice =
        http()
            .post(
                "api/v2/entity",
                Http.track(),
                "{\"type\":\"person\",\"identifiers\":{\"id\":\""
                    + owner
                    + "\"},\"action\":\"add_device\",\"device\":{\"token\":\"t\",\"platform\":\"nokia\"}}");
    assertThat(badDevice.status()).isEqualTo(400);
    assertThat(badDevice.json().at("/errors/0/field").asText()).isEqualTo("device");
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
