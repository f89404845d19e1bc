package io.herald.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Db;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Data-driven segments kept up to date by the real-time engine, through the real endpoints: a Track
 * identify or event makes a person enter as soon as it is committed, a window expiring makes them
 * leave on time (no new data), an attribute change makes them leave, a change to a relationship or
 * to a related object's attributes makes them enter or leave, and a segment created over existing
 * people is filled by its rebuild. Every enter and exit is in {@code segments_membership_change}
 * with its cause. Runs on the embedded MariaDB and again on the server at 127.0.0.1:3306 when one
 * is reachable.
 */
class RealtimeSegmentsIT extends ContainerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private long createDataSegment(String name, String condition) {
    Answer created =
        http()
            .post(
                "v1/segments",
                Http.app(),
                "{\"segment\":{\"name\":\""
                    + name
                    + "\",\"type\":\"dynamic\",\"conditions\":{\"version\":1,\"condition\":"
                    + condition
                    + "}}}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    long segment = created.json().path("segment").path("id").asLong();
    // Until its first rebuild is done, a change may reach the segment through the rebuild (cause
    // "rebuild") instead of the real-time path the tests look at.
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(rebuildState(segment)).isEqualTo("done"));
    return segment;
  }

  private void identify(String id, String body) {
    Answer answer = http().put("api/v1/customers/" + id, Http.track(), body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  private void track(String id, String body) {
    Answer answer = http().post("api/v1/customers/" + id + "/events", Http.track(), body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  private String cioIdOf(String id) {
    Answer answer = http().get("v1/customers/" + id + "/attributes", Http.app());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("customer").path("identifiers").path("cio_id").asText();
  }

  /** The segment's changes, oldest first, as "cio_id action cause". */
  private List<String> changes(long segmentId) {
    Answer answer = http().get("v1/segments/" + segmentId + "/changes", Http.app());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<String> found = new ArrayList<>();
    for (JsonNode change : answer.json().path("changes")) {
      found.add(
          0,
          change.path("cio_id").asText()
              + " "
              + change.path("action").asText()
              + " "
              + change.path("cause").asText());
    }
    return found;
  }

  private List<String> members(long segmentId) {
    Answer answer = http().get("v1/segments/" + segmentId + "/membership", Http.app());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<String> found = new ArrayList<>();
    answer.json().path("identifiers").forEach(i -> found.add(i.path("cio_id").asText()));
    return found;
  }

  @Test
  void anEventMakesAPersonEnterAndTheWindowExpiringMakesThemLeave() {
    String event = unique("rt_login");
    long segment =
        createDataSegment(
            "Logged in within a minute",
            "{\"event\":{\"name\":\""
                + event
                + "\",\"within\":{\"last\":1,\"unit\":\"minutes\"}}}");
    String id = unique("rt-person");
    identify(id, "{\"email\":\"" + id + "@example.com\"}");
    String cio = cioIdOf(id);
    evaluated(cio);

    // Dated 45 seconds ago: in the window now, out of it about 15 seconds from now.
    track(
        id,
        "{\"name\":\""
            + event
            + "\",\"timestamp\":"
            + Instant.now().minusSeconds(45).getEpochSecond()
            + "}");

    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(changes(segment)).contains(cio + " entered event"));
    assertThat(members(segment)).containsExactly(cio);

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(changes(segment))
                    .containsExactly(cio + " entered event", cio + " exited time"));
    assertThat(members(segment)).isEmpty();
  }

  @Test
  void anAttributeChangeMakesAPersonEnterAndLeave() {
    String plan = unique("plan");
    long segment =
        createDataSegment(
            "On the plan",
            "{\"attribute\":{\"name\":\"plan\",\"operator\":\"equals\",\"value\":\""
                + plan
                + "\"}}");
    String id = unique("rt-attr");
    identify(id, "{\"plan\":\"" + plan + "\"}");
    String cio = cioIdOf(id);

    await().atMost(PATIENCE).untilAsserted(() -> assertThat(members(segment)).containsExactly(cio));

    identify(id, "{\"plan\":\"free\"}");

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(changes(segment))
                    .containsExactly(cio + " entered attribute", cio + " exited attribute"));
  }

  @Test
  void aSegmentCreatedOverExistingPeopleIsFilledByItsRebuild() throws SQLException {
    String city = unique("city");
    String inside = unique("rt-in");
    String outside = unique("rt-out");
    identify(inside, "{\"city\":\"" + city + "\"}");
    identify(outside, "{\"city\":\"elsewhere\"}");
    // Otherwise the engine may read the identify after the segment exists and enter the person
    // itself (cause "attribute") before the rebuild gets there: right, but not what this tests.
    peopleFeedPassed(cioIdOf(inside));
    peopleFeedPassed(cioIdOf(outside));

    long segment =
        createDataSegment(
            "In the city",
            "{\"attribute\":{\"name\":\"city\",\"operator\":\"equals\",\"value\":\""
                + city
                + "\"}}");

    String cio = cioIdOf(inside);
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(changes(segment)).containsExactly(cio + " entered rebuild");
              assertThat(rebuildState(segment)).isEqualTo("done");
            });
    assertThat(members(segment)).containsExactly(cio);
  }

  @Test
  void aManualSegmentChangeReachesTheDataSegmentsReadingIt() {
    Answer manual =
        http().post("v1/segments", Http.app(), "{\"segment\":{\"name\":\"" + unique("m") + "\"}}");
    assertThat(manual.status()).as(manual.body()).isEqualTo(200);
    long manualId = manual.json().path("segment").path("id").asLong();
    long reader =
        createDataSegment(
            "Not in the manual one", "{\"not\":{\"segment\":{\"id\":" + manualId + "}}}");
    String id = unique("rt-seg");
    identify(id, "{}");
    String cio = cioIdOf(id);
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(members(reader)).contains(cio));

    Answer added =
        http()
            .post(
                "api/v1/segments/" + manualId + "/add_customers",
                Http.track(),
                "{\"ids\":[\"" + id + "\"]}");
    assertThat(added.status()).as(added.body()).isEqualTo(200);

    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(changes(reader)).contains(cio + " exited segment"));
    assertThat(changes(manualId)).containsExactly(cio + " entered api");
  }

  @Test
  void aDeviceAddedOrRemovedMakesAPersonEnterOrLeave() {
    long segment =
        createDataSegment(
            "Android push", "{\"device\":{\"platform\":\"android\",\"push_enabled\":true}}");
    String id = unique("rt-device");
    identify(id, "{}");
    String cio = cioIdOf(id);
    evaluated(cio);
    String token = unique("TOKEN");

    Answer added =
        http()
            .put(
                "api/v1/customers/" + id + "/devices",
                Http.track(),
                "{\"device\":{\"id\":\"" + token + "\",\"platform\":\"android\"}}");
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(changes(segment)).containsExactly(cio + " entered device"));

    Answer deleted = http().delete("api/v1/customers/" + id + "/devices/" + token, Http.track());
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(changes(segment))
                    .containsExactly(cio + " entered device", cio + " exited device"));
  }

  /** Customer.io Track v2: identifies an object of the type, relating no one. */
  private void identifyObject(String type, String objectId, String attributes) {
    Answer answer =
        http()
            .post(
                "api/v2/entity",
                Http.track(),
                "{\"type\":\"object\",\"identifiers\":{\"object_type_id\":\""
                    + type
                    + "\",\"object_id\":\""
                    + objectId
                    + "\"},\"action\":\"identify\",\"attributes\":"
                    + attributes
                    + "}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  /** Customer.io Track v2: adds or deletes the person's relationship to the object. */
  private void relationship(
      String id, String action, String type, String objectId, String attributes) {
    Answer answer =
        http()
            .post(
                "api/v2/entity",
                Http.track(),
                "{\"type\":\"person\",\"identifiers\":{\"id\":\""
                    + id
                    + "\"},\"action\":\""
                    + action
                    + "\",\"cio_relationships\":[{\"identifiers\":{\"object_type_id\":\""
                    + type
                    + "\",\"object_id\":\""
                    + objectId
                    + "\"},\"relationship_attributes\":"
                    + attributes
                    + "}]}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  @Test
  void relationshipAndObjectChangesMakeAPersonEnterAndLeave() {
    Answer type =
        http().post("v1/object_types", Http.app(), "{\"name\":\"" + unique("Company") + "\"}");
    assertThat(type.status()).as(type.body()).isEqualTo(201);
    String typeId = type.json().at("/type/id").asText();
    String company = unique("acme");
    String id = unique("rt-rel");
    identify(id, "{}");
    String cio = cioIdOf(id);
    // Related as an admin before the segment exists, to an object that does not match yet.
    identifyObject(typeId, company, "{\"industry\":\"hardware\"}");
    relationship(id, "add_relationships", typeId, company, "{\"role\":\"admin\"}");

    long segment =
        createDataSegment(
            "Admins of software companies",
            "{\"relationship\":{\"object_type_id\":\""
                + typeId
                + "\",\"object\":[{\"property\":\"industry\",\"operator\":\"equals\","
                + "\"value\":\"software\"}],\"relationship\":[{\"property\":\"role\","
                + "\"operator\":\"equals\",\"value\":\"admin\"}]}}");
    assertThat(members(segment)).isEmpty();
    List<String> expected = new ArrayList<>();

    // The object's own attributes change: everyone related to it is re-checked.
    identifyObject(typeId, company, "{\"industry\":\"software\"}");
    expected.add(cio + " entered relationship");
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(changes(segment)).isEqualTo(expected));
    assertThat(members(segment)).containsExactly(cio);

    // The relationship's attributes change.
    relationship(id, "add_relationships", typeId, company, "{\"role\":\"member\"}");
    expected.add(cio + " exited relationship");
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(changes(segment)).isEqualTo(expected));
    relationship(id, "add_relationships", typeId, company, "{\"role\":\"admin\"}");
    expected.add(cio + " entered relationship");
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(changes(segment)).isEqualTo(expected));

    // The relationship is deleted, then made again.
    relationship(id, "delete_relationships", typeId, company, "{}");
    expected.add(cio + " exited relationship");
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(changes(segment)).isEqualTo(expected));
    relationship(id, "add_relationships", typeId, company, "{\"role\":\"admin\"}");
    expected.add(cio + " entered relationship");
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(changes(segment)).isEqualTo(expected));

    // The object stops matching, matches again, then is deleted with its relationships.
    identifyObject(typeId, company, "{\"industry\":\"retail\"}");
    expected.add(cio + " exited relationship");
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(changes(segment)).isEqualTo(expected));
    assertThat(members(segment)).isEmpty();
    identifyObject(typeId, company, "{\"industry\":\"software\"}");
    expected.add(cio + " entered relationship");
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(changes(segment)).isEqualTo(expected));
    Answer deleted =
        http()
            .post(
                "api/v2/entity",
                Http.track(),
                "{\"type\":\"object\",\"identifiers\":{\"object_type_id\":\""
                    + typeId
                    + "\",\"object_id\":\""
                    + company
                    + "\"},\"action\":\"delete\"}");
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    expected.add(cio + " exited relationship");
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(changes(segment)).isEqualTo(expected));
    assertThat(members(segment)).isEmpty();
  }

  /**
   * Waits until the engine has evaluated the person's creation. The people and events feeds are
   * read by separate workers: without this, the creation's evaluation can run after the next change
   * is stored, see it, and record the entry with the creation's cause ("attribute").
   */
  private static void evaluated(String cio) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              try (Connection c = Db.connect();
                  PreparedStatement q =
                      c.prepareStatement(
                          "SELECT COUNT(*) FROM segments_recheck"
                              + " WHERE cio_id = ? AND evaluated_at IS NOT NULL")) {
                q.setString(1, cio);
                try (ResultSet rs = q.executeQuery()) {
                  rs.next();
                  assertThat(rs.getInt(1)).as("evaluations of " + cio).isEqualTo(1);
                }
              }
            });
  }

  /** Waits until the segments engine has read every people change of the person. */
  private static void peopleFeedPassed(String cio) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              try (Connection c = Db.connect();
                  PreparedStatement q =
                      c.prepareStatement(
                          "SELECT (SELECT MAX(id) FROM people_change WHERE person_cio_id = ?)"
                              + " <= (SELECT position FROM people_change_cursor"
                              + " WHERE consumer = 'segments')")) {
                q.setString(1, cio);
                try (ResultSet rs = q.executeQuery()) {
                  rs.next();
                  assertThat(rs.getBoolean(1)).as("people feed past " + cio).isTrue();
                }
              }
            });
  }

  private static String rebuildState(long segmentId) throws SQLException {
    try (Connection c = Db.connect();
        PreparedStatement q =
            c.prepareStatement("SELECT rebuild_state FROM segments_segment WHERE id = ?")) {
      q.setLong(1, segmentId);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
