package io.herald.app.api;

import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.DataIn;
import io.herald.app.it.Db;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Track API v2 ({@code /api/v2/entity}, {@code /api/v2/batch}) for people, objects, devices and
 * deliveries, including the wire capture's batch, and custom-object relationships through every
 * data-in API (Track v1 identify, v2, Pipelines group and semantic events).
 */
class TrackV2IT extends ContainerTest {

  private DataIn dataIn() {
    return new DataIn(http());
  }

  private Answer call(String call, String body) {
    return dataIn().pipelines(call, body);
  }

  private JsonNode customer(String id) {
    return dataIn().customer(id);
  }

  private List<JsonNode> activities(String id) {
    return dataIn().events(id);
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
  void aPhoneNumberIdentifiesAPersonInTrackV2() throws Exception {
    String id = unique("ph");
    String phone = "+1555" + (System.nanoTime() % 10_000_000);
    String other = unique("pho");
    http().put("api/v1/customers/" + id, Http.track(), "{\"phone\":\"" + phone + "\"}");

    Answer event =
        http()
            .post(
                "api/v2/entity",
                Http.track(),
                "{\"type\":\"person\",\"identifiers\":{\"phone\":\""
                    + phone
                    + "\"},\"action\":\"event\",\"name\":\"called\"}");
    assertThat(event.status()).as(event.body()).isEqualTo(200);
    assertThat(activities(id)).extracting(a -> a.path("name").asText()).containsExactly("called");
    http()
        .post(
            "api/v2/entity",
            Http.track(),
            "{\"type\":\"person\",\"identifiers\":{\"phone\":\""
                + phone
                + "\"},\"action\":\"identify\",\"attributes\":{\"plan\":\"via-phone\"}}");
    assertThat(customer(id).at("/attributes/plan").asText()).isEqualTo("via-phone");

    http().put("api/v1/customers/" + other, Http.track(), "{\"phone\":\"" + phone + "\"}");
    assertThat(http().get("v1/customers/" + other + "/attributes", Http.app()).status())
        .as(
            "an identify naming a phone another person has writes nothing (attribute update failure)")
        .isEqualTo(404);
    assertThat(customer(id).at("/attributes/phone").asText()).isEqualTo(phone);

    String fresh = phone + "9";
    assertThat(
            http()
                .post(
                    "api/v2/entity",
                    Http.track(),
                    "{\"type\":\"person\",\"identifiers\":{\"phone\":\""
                        + fresh
                        + "\"},\"action\":\"identify\",\"attributes\":{\"plan\":\"new\"}}")
                .status())
        .isEqualTo(200);
    try (Connection c = Db.connect();
        PreparedStatement q =
            c.prepareStatement("SELECT COUNT(*) FROM people_person WHERE phone = ?")) {
      q.setString(1, fresh);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).as("a new phone creates the person").isEqualTo(1);
      }
    }
    Answer bad =
        http()
            .post(
                "api/v2/entity",
                Http.track(),
                "{\"type\":\"person\",\"identifiers\":{\"phone\":\""
                    + fresh
                    + "\"},\"action\":\"identify\",\"attributes\":{\"phone\":12}}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/errors/0/message").asText()).contains("phone must be a string");
  }
}
