package io.herald.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
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

  private final RealtimeCalls calls = new RealtimeCalls(this::http);

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void anEventMakesAPersonEnterAndTheWindowExpiringMakesThemLeave() {
    String event = unique("rt_login");
    long segment =
        calls.createDataSegment(
            "Logged in within a minute",
            "{\"event\":{\"name\":\""
                + event
                + "\",\"within\":{\"last\":1,\"unit\":\"minutes\"}}}");
    String id = unique("rt-person");
    calls.identify(id, "{\"email\":\"" + id + "@example.com\"}");
    String cio = calls.cioIdOf(id);
    calls.evaluated(cio);

    // Dated 45 seconds ago: in the window now, out of it about 15 seconds from now.
    calls.track(
        id,
        "{\"name\":\""
            + event
            + "\",\"timestamp\":"
            + Instant.now().minusSeconds(45).getEpochSecond()
            + "}");

    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(calls.changes(segment)).contains(cio + " entered event"));
    assertThat(calls.members(segment)).containsExactly(cio);

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(calls.changes(segment))
                    .containsExactly(cio + " entered event", cio + " exited time"));
    assertThat(calls.members(segment)).isEmpty();
  }

  @Test
  void anAttributeChangeMakesAPersonEnterAndLeave() {
    String plan = unique("plan");
    long segment =
        calls.createDataSegment(
            "On the plan",
            "{\"attribute\":{\"name\":\"plan\",\"operator\":\"equals\",\"value\":\""
                + plan
                + "\"}}");
    String id = unique("rt-attr");
    calls.identify(id, "{\"plan\":\"" + plan + "\"}");
    String cio = calls.cioIdOf(id);

    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(calls.members(segment)).containsExactly(cio));

    calls.identify(id, "{\"plan\":\"free\"}");

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(calls.changes(segment))
                    .containsExactly(cio + " entered attribute", cio + " exited attribute"));
  }

  @Test
  void aSegmentCreatedOverExistingPeopleIsFilledByItsRebuild() throws SQLException {
    String city = unique("city");
    String inside = unique("rt-in");
    String outside = unique("rt-out");
    calls.identify(inside, "{\"city\":\"" + city + "\"}");
    calls.identify(outside, "{\"city\":\"elsewhere\"}");
    // Otherwise the engine may read the identify after the segment exists and enter the person
    // itself (cause "attribute") before the rebuild gets there: right, but not what this tests.
    calls.peopleFeedPassed(calls.cioIdOf(inside));
    calls.peopleFeedPassed(calls.cioIdOf(outside));

    long segment =
        calls.createDataSegment(
            "In the city",
            "{\"attribute\":{\"name\":\"city\",\"operator\":\"equals\",\"value\":\""
                + city
                + "\"}}");

    String cio = calls.cioIdOf(inside);
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(calls.changes(segment)).containsExactly(cio + " entered rebuild");
              assertThat(calls.rebuildState(segment)).isEqualTo("done");
            });
    assertThat(calls.members(segment)).containsExactly(cio);
  }

  @Test
  void aManualSegmentChangeReachesTheDataSegmentsReadingIt() {
    Answer manual =
        http().post("v1/segments", Http.app(), "{\"segment\":{\"name\":\"" + unique("m") + "\"}}");
    assertThat(manual.status()).as(manual.body()).isEqualTo(200);
    long manualId = manual.json().path("segment").path("id").asLong();
    long reader =
        calls.createDataSegment(
            "Not in the manual one", "{\"not\":{\"segment\":{\"id\":" + manualId + "}}}");
    String id = unique("rt-seg");
    calls.identify(id, "{}");
    String cio = calls.cioIdOf(id);
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(calls.members(reader)).contains(cio));

    Answer added =
        http()
            .post(
                "api/v1/segments/" + manualId + "/add_customers",
                Http.track(),
                "{\"ids\":[\"" + id + "\"]}");
    assertThat(added.status()).as(added.body()).isEqualTo(200);

    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(calls.changes(reader)).contains(cio + " exited segment"));
    assertThat(calls.changes(manualId)).containsExactly(cio + " entered api");
  }

  @Test
  void aDeviceAddedOrRemovedMakesAPersonEnterOrLeave() {
    // Other classes add Android devices to their own people in the same database: the tag keeps
    // this segment to this test's person.
    String tag = unique("tag");
    long segment =
        calls.createDataSegment(
            "Android push",
            "{\"and\":[{\"device\":{\"platform\":\"android\",\"push_enabled\":true}},"
                + "{\"attribute\":{\"name\":\"rt_tag\",\"operator\":\"equals\",\"value\":\""
                + tag
                + "\"}}]}");
    String id = unique("rt-device");
    calls.identify(id, "{\"rt_tag\":\"" + tag + "\"}");
    String cio = calls.cioIdOf(id);
    calls.evaluated(cio);
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
        .untilAsserted(
            () -> assertThat(calls.changes(segment)).containsExactly(cio + " entered device"));

    Answer deleted = http().delete("api/v1/customers/" + id + "/devices/" + token, Http.track());
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(calls.changes(segment))
                    .containsExactly(cio + " entered device", cio + " exited device"));
  }

  @Test
  void relationshipAndObjectChangesMakeAPersonEnterAndLeave() {
    Answer type =
        http().post("v1/object_types", Http.app(), "{\"name\":\"" + unique("Company") + "\"}");
    assertThat(type.status()).as(type.body()).isEqualTo(201);
    String typeId = type.json().at("/type/id").asText();
    String company = unique("acme");
    String id = unique("rt-rel");
    calls.identify(id, "{}");
    String cio = calls.cioIdOf(id);
    // Related as an admin before the segment exists, to an object that does not match yet.
    calls.identifyObject(typeId, company, "{\"industry\":\"hardware\"}");
    calls.relationship(id, "add_relationships", typeId, company, "{\"role\":\"admin\"}");

    long segment =
        calls.createDataSegment(
            "Admins of software companies",
            "{\"relationship\":{\"object_type_id\":\""
                + typeId
                + "\",\"object\":[{\"property\":\"industry\",\"operator\":\"equals\","
                + "\"value\":\"software\"}],\"relationship\":[{\"property\":\"role\","
                + "\"operator\":\"equals\",\"value\":\"admin\"}]}}");
    assertThat(calls.members(segment)).isEmpty();
    List<String> expected = new ArrayList<>();

    // The object's own attributes change: everyone related to it is re-checked.
    calls.identifyObject(typeId, company, "{\"industry\":\"software\"}");
    expected.add(cio + " entered relationship");
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(calls.changes(segment)).isEqualTo(expected));
    assertThat(calls.members(segment)).containsExactly(cio);

    // The relationship's attributes change.
    calls.relationship(id, "add_relationships", typeId, company, "{\"role\":\"member\"}");
    expected.add(cio + " exited relationship");
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(calls.changes(segment)).isEqualTo(expected));
    calls.relationship(id, "add_relationships", typeId, company, "{\"role\":\"admin\"}");
    expected.add(cio + " entered relationship");
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(calls.changes(segment)).isEqualTo(expected));

    // The relationship is deleted, then made again.
    calls.relationship(id, "delete_relationships", typeId, company, "{}");
    expected.add(cio + " exited relationship");
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(calls.changes(segment)).isEqualTo(expected));
    calls.relationship(id, "add_relationships", typeId, company, "{\"role\":\"admin\"}");
    expected.add(cio + " entered relationship");
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(calls.changes(segment)).isEqualTo(expected));

    // The object stops matching, matches again, then is deleted with its relationships.
    calls.identifyObject(typeId, company, "{\"industry\":\"retail\"}");
    expected.add(cio + " exited relationship");
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(calls.changes(segment)).isEqualTo(expected));
    assertThat(calls.members(segment)).isEmpty();
    calls.identifyObject(typeId, company, "{\"industry\":\"software\"}");
    expected.add(cio + " entered relationship");
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(calls.changes(segment)).isEqualTo(expected));
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
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(calls.changes(segment)).isEqualTo(expected));
    assertThat(calls.members(segment)).isEmpty();
  }
}
