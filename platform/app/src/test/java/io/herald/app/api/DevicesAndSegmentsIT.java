package io.herald.app.api;

import static io.herald.app.api.DevicesAndSegmentsCalls.addCustomers;
import static io.herald.app.api.DevicesAndSegmentsCalls.addDeviceWithData;
import static io.herald.app.api.DevicesAndSegmentsCalls.addDeviceWithoutData;
import static io.herald.app.api.DevicesAndSegmentsCalls.attributesOf;
import static io.herald.app.api.DevicesAndSegmentsCalls.deviceRows;
import static io.herald.app.api.DevicesAndSegmentsCalls.devicesOf;
import static io.herald.app.api.DevicesAndSegmentsCalls.membershipRowsOfPerson;
import static io.herald.app.api.DevicesAndSegmentsCalls.membershipRowsOfSegment;
import static io.herald.app.it.ApiAssertions.assertAppError;
import static io.herald.app.it.ApiAssertions.assertV1Error;
import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Push devices (people module) and manual segments (segments module) through the real endpoints,
 * with the bodies customerio-node sends (SDK-WIRE-CAPTURE.md: {@code track.addDevice}, {@code
 * track.deleteDevice}, {@code track.addCustomersToSegment}, {@code
 * track.removeCustomersFromSegment}, {@code api.createSegment}; placeholders replaced by unique
 * values): a token moving between people, merges and deletions carrying devices and memberships
 * along, the App API reads, and refused input changing nothing. Runs on the embedded MariaDB and
 * again on the server at 127.0.0.1:3306 when one is reachable.
 */
class DevicesAndSegmentsIT extends ContainerTest {

  private DevicesAndSegmentsCalls calls() {
    return new DevicesAndSegmentsCalls(http());
  }

  private Answer putDevice(String identifier, String body) {
    return http().put(devicesOf(identifier), Http.track(), body);
  }

  private Answer addToSegment(long segmentId, String query, String body) {
    return http().post(addCustomers(segmentId, query), Http.track(), body);
  }

  private Answer createSegment(String body) {
    return http().post("v1/segments", Http.app(), body);
  }

  // ---- devices ----------------------------------------------------------------------------

  @Test
  void addDeviceAndDeleteDeviceAsTheNodeSdkSendsThem() {
    String id = unique("dev");
    String token = unique("DEVICE_TOKEN");
    String token2 = unique("DEVICE_TOKEN_2");

    // The person does not exist yet: adding a device creates them, as Customer.io does.
    Answer added = putDevice(id, addDeviceWithData(token));
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(added.body()).isEqualTo("{}");
    JsonNode customer = calls().customer(id);
    assertThat(customer.at("/identifiers/id").asText()).isEqualTo(id);
    JsonNode device = customer.at("/devices/0");
    assertThat(device.path("id").asText()).isEqualTo(token);
    assertThat(device.path("platform").asText()).isEqualTo("ios");
    assertThat(device.path("last_used").asLong()).isEqualTo(1700000000L);
    assertThat(device.at("/attributes/app_version").asText()).isEqualTo("1.2.3");

    // Without data: last_used is the time of the call, so this device is listed first.
    assertThat(putDevice(id, addDeviceWithoutData(token2)).body()).isEqualTo("{}");
    JsonNode devices = calls().customer(id).path("devices");
    assertThat(devices).hasSize(2);
    assertThat(devices.at("/0/id").asText()).isEqualTo(token2);
    assertThat(devices.at("/0/platform").asText()).isEqualTo("android");
    assertThat(devices.at("/0/last_used").asLong())
        .isBetween(
            Instant.now().minusSeconds(120).getEpochSecond(), Instant.now().getEpochSecond());
    assertThat(devices.at("/0/attributes").size()).isZero();

    // Re-adding updates platform and last_used and merges attributes (null removes one).
    putDevice(
        id,
        "{\"device\":{\"id\":\""
            + token
            + "\",\"platform\":\"android\",\"last_used\":1900000000,"
            + "\"attributes\":{\"device_os\":\"14\",\"push_enabled\":\"true\",\"app_version\":null}}}");
    devices = calls().customer(id).path("devices");
    assertThat(devices).hasSize(2);
    assertThat(devices.at("/0/id").asText()).isEqualTo(token);
    assertThat(devices.at("/0/platform").asText()).isEqualTo("android");
    assertThat(devices.at("/0/last_used").asLong()).isEqualTo(1900000000L);
    assertThat(devices.at("/0/attributes/device_os").asText()).isEqualTo("14");
    assertThat(devices.at("/0/attributes").has("app_version")).isFalse();

    // track.deleteDevice('CUSTOMER_ID', 'DEVICE_TOKEN'): no body; 200 also when already gone.
    Answer deleted = http().delete(devicesOf(id) + "/" + token, Http.track());
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.body()).isEqualTo("{}");
    assertThat(calls().customer(id).path("devices")).hasSize(1);
    assertThat(deviceRows(token)).isZero();
    assertThat(http().delete(devicesOf(id) + "/" + token, Http.track()).status()).isEqualTo(200);
    assertThat(http().delete(devicesOf(unique("nobody")) + "/x", Http.track()).status())
        .isEqualTo(200);

    // An email path creates the person with that email; an unknown cio_id creates nobody.
    String email = unique("devmail") + "@example.com";
    putDevice(email.replace("@", "%40"), addDeviceWithoutData(unique("t")));
    assertThat(calls().customerByEmail(email).at("/identifiers/email").asText()).isEqualTo(email);
    String orphan = unique("orphan");
    assertThat(putDevice("cio_ffffffffffffffff", addDeviceWithData(orphan)).status())
        .isEqualTo(200);
    assertThat(deviceRows(orphan)).isZero();

    // A suppressed identifier is ignored, as identify ignores it.
    String suppressed = unique("supp");
    http().put("api/v1/customers/" + suppressed, Http.track(), "{\"plan\":\"x\"}");
    http().post("api/v1/customers/" + suppressed + "/suppress", Http.track(), "{}");
    String ignored = unique("ignored");
    assertThat(putDevice(suppressed, addDeviceWithData(ignored)).body()).isEqualTo("{}");
    assertThat(http().get(attributesOf(suppressed), Http.app()).status()).isEqualTo(404);
    assertThat(deviceRows(ignored)).isZero();
  }

  @Test
  void aDeviceTokenBelongsToOnePersonAtATime() {
    String first = unique("owner1");
    String second = unique("owner2");
    String token = unique("shared-token");
    putDevice(first, addDeviceWithData(token));
    putDevice(second, addDeviceWithoutData(token));

    assertThat(calls().customer(first).path("devices")).isEmpty();
    JsonNode moved = calls().customer(second).path("devices");
    assertThat(moved).hasSize(1);
    assertThat(moved.at("/0/platform").asText()).isEqualTo("android");
    assertThat(moved.at("/0/attributes/app_version").asText())
        .as("the device's attributes move with it")
        .isEqualTo("1.2.3");
    assertThat(deviceRows(token)).isEqualTo(1);

    // The previous owner cannot delete a device that is no longer theirs.
    assertThat(http().delete(devicesOf(first) + "/" + token, Http.track()).status()).isEqualTo(200);
    assertThat(calls().customer(second).path("devices")).hasSize(1);
  }

  // ---- segments ---------------------------------------------------------------------------

  @Test
  void manualSegmentsThroughTheAppAndTrackApis() {
    // api.createSegment({name, description})
    Answer created =
        createSegment("{\"segment\":{\"name\":\"SEGMENT_NAME\",\"description\":\"DESCRIPTION\"}}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    JsonNode segment = created.json().path("segment");
    long segmentId = segment.path("id").asLong();
    assertThat(segmentId).isPositive();
    assertThat(segment.path("name").asText()).isEqualTo("SEGMENT_NAME");
    assertThat(segment.path("description").asText()).isEqualTo("DESCRIPTION");
    assertThat(segment.path("type").asText()).isEqualTo("manual");
    assertThat(segment.path("state").asText()).isEqualTo("finished");
    assertThat(segment.path("deduplicate_id").asText()).startsWith(segmentId + ":");
    assertThat(segment.path("created_at").asLong()).isPositive();

    List<Long> listed = new ArrayList<>();
    http()
        .get("v1/segments", Http.app())
        .json()
        .path("segments")
        .forEach(s -> listed.add(s.path("id").asLong()));
    assertThat(listed).contains(segmentId);
    assertThat(
            http().get("v1/segments/" + segmentId, Http.app()).json().at("/segment/name").asText())
        .isEqualTo("SEGMENT_NAME");

    String member1 = unique("member1");
    String email1 = member1 + "@example.com";
    String member2 = unique("member2");
    http().put("api/v1/customers/" + member1, Http.track(), "{\"email\":\"" + email1 + "\"}");
    http().put("api/v1/customers/" + member2, Http.track(), "{\"plan\":\"x\"}");

    // track.addCustomersToSegment('SEGMENT_ID', ['CUSTOMER_ID', 'CUSTOMER_ID_2'])
    Answer add = addToSegment(segmentId, "", "{\"ids\":[\"" + member1 + "\",\"" + member2 + "\"]}");
    assertThat(add.status()).as(add.body()).isEqualTo(200);
    assertThat(add.body()).isEqualTo("{}");
    assertThat(calls().count(segmentId)).isEqualTo(2);

    // Repeats change nothing; ids naming nobody are skipped and nobody is created.
    String nobody = unique("nobody");
    assertThat(
            addToSegment(segmentId, "", "{\"ids\":[\"" + member1 + "\",\"" + nobody + "\"]}")
                .status())
        .isEqualTo(200);
    assertThat(calls().count(segmentId)).isEqualTo(2);
    assertThat(http().get(attributesOf(nobody), Http.app()).status()).isEqualTo(404);

    // Membership, one per page: identifiers in join order, then an empty next.
    JsonNode page1 =
        http().get("v1/segments/" + segmentId + "/membership?limit=1", Http.app()).json();
    assertThat(page1.at("/identifiers/0/id").asText()).isEqualTo(member1);
    assertThat(page1.at("/identifiers/0/email").asText()).isEqualTo(email1);
    assertThat(page1.at("/identifiers/0/cio_id").asText()).isEqualTo(calls().cioId(member1));
    assertThat(page1.path("ids").get(0).asText()).isEqualTo(member1);
    String next = page1.path("next").asText();
    assertThat(next).isNotEmpty();
    JsonNode page2 =
        http()
            .get("v1/segments/" + segmentId + "/membership?limit=1&start=" + next, Http.app())
            .json();
    assertThat(page2.at("/identifiers/0/id").asText()).isEqualTo(member2);
    assertThat(page2.at("/identifiers/0/email").isNull()).isTrue();
    assertThat(page2.path("next").asText()).isEmpty();

    // track.removeCustomersFromSegment('SEGMENT_ID', ['person@example.com'], 'email')
    Answer remove =
        http()
            .post(
                "api/v1/segments/" + segmentId + "/remove_customers?id_type=email",
                Http.track(),
                "{\"ids\":[\"" + email1.toUpperCase() + "\"]}");
    assertThat(remove.status()).as(remove.body()).isEqualTo(200);
    assertThat(remove.body()).isEqualTo("{}");
    assertThat(calls().count(segmentId)).isEqualTo(1);
    assertThat(calls().members(segmentId)).containsExactly(member2);

    // id_type=cio_id, with the cio_ prefix of Track paths.
    addToSegment(
        segmentId, "?id_type=cio_id", "{\"ids\":[\"cio_" + calls().cioId(member1) + "\"]}");
    assertThat(calls().members(segmentId)).containsExactly(member2, member1);

    // Delete: 204 as Customer.io answers; the segment and its memberships are gone.
    Answer deleted = http().delete("v1/segments/" + segmentId, Http.app());
    assertThat(deleted.status()).isEqualTo(204);
    assertAppError(http().get("v1/segments/" + segmentId, Http.app()), 404, "no segment");
    assertAppError(
        http().get("v1/segments/" + segmentId + "/customer_count", Http.app()), 404, "no segment");
    assertThat(membershipRowsOfSegment(segmentId)).isZero();
    assertV1Error(
        addToSegment(segmentId, "", "{\"ids\":[\"a\"]}"), 404, "no segment with id " + segmentId);
  }

  // ---- merge and delete -------------------------------------------------------------------

  @Test
  void mergeMovesDevicesAndMembershipsDeleteAndSuppressRemoveThem() {
    long both = calls().segment("both");
    long onlySecondary = calls().segment("only-secondary");
    String primary = unique("prim");
    String secondary = unique("sec");
    String primaryToken = unique("ptoken");
    String secondaryToken = unique("stoken");
    putDevice(primary, addDeviceWithData(primaryToken));
    putDevice(secondary, addDeviceWithoutData(secondaryToken));
    String secondaryCio = calls().cioId(secondary);
    calls().add(both, primary, secondary);
    calls().add(onlySecondary, secondary);

    Answer merged =
        http()
            .post(
                "api/v1/merge_customers",
                Http.track(),
                "{\"primary\":{\"id\":\""
                    + primary
                    + "\"},\"secondary\":{\"id\":\""
                    + secondary
                    + "\"}}");
    assertThat(merged.status()).isEqualTo(200);

    List<String> tokens = new ArrayList<>();
    calls().customer(primary).path("devices").forEach(d -> tokens.add(d.path("id").asText()));
    assertThat(tokens).containsExactlyInAnyOrder(primaryToken, secondaryToken);
    assertThat(calls().members(both)).containsExactly(primary);
    assertThat(calls().count(both)).isEqualTo(1);
    assertThat(calls().members(onlySecondary)).containsExactly(primary);
    assertThat(membershipRowsOfPerson(secondaryCio)).isZero();

    // Delete: devices and memberships go with the person.
    String primaryCio = calls().cioId(primary);
    assertThat(http().delete("api/v1/customers/" + primary, Http.track()).status()).isEqualTo(200);
    assertThat(deviceRows(primaryToken) + deviceRows(secondaryToken)).isZero();
    assertThat(calls().count(both)).isZero();
    assertThat(calls().count(onlySecondary)).isZero();
    assertThat(membershipRowsOfPerson(primaryCio)).isZero();

    // Suppress does the same.
    String gone = unique("gone");
    String goneToken = unique("gtoken");
    putDevice(gone, addDeviceWithData(goneToken));
    calls().add(both, gone);
    assertThat(calls().count(both)).isEqualTo(1);
    http().post("api/v1/customers/" + gone + "/suppress", Http.track(), "{}");
    assertThat(deviceRows(goneToken)).isZero();
    assertThat(calls().count(both)).isZero();
  }

  // ---- refused input ----------------------------------------------------------------------

  @Test
  void badDeviceCallsAreRefusedInTheTrackShapeAndChangeNothing() {
    String id = unique("keep");
    String token = unique("keep-token");
    putDevice(id, addDeviceWithData(token));
    String before = calls().customer(id).path("devices").toString();

    assertV1Error(putDevice(id, "{\"device\":"), 400, "malformed JSON");
    assertV1Error(putDevice(id, "[]"), 400, "JSON object");
    assertV1Error(putDevice(id, "{}"), 400, "device is required");
    assertV1Error(putDevice(id, "{\"device\":\"x\"}"), 400, "device must be an object");
    assertV1Error(
        putDevice(id, "{\"device\":{\"platform\":\"ios\"}}"), 400, "device.id is required");
    assertV1Error(
        putDevice(id, "{\"device\":{\"id\":42,\"platform\":\"ios\"}}"),
        400,
        "device.id must be a string");
    assertV1Error(
        putDevice(id, "{\"device\":{\"id\":\"" + token + "\",\"platform\":\"web\"}}"),
        400,
        "device.platform must be ios or android");
    assertV1Error(
        putDevice(
            id,
            "{\"device\":{\"id\":\""
                + token
                + "\",\"platform\":\"ios\",\"last_used\":\"yesterday\","
                + "\"attributes\":{\"nested\":{\"a\":1}}}}"),
        400,
        "device.attributes.nested must be a string, number or boolean");
    assertV1Error(
        putDevice(id, "{\"device\":{\"id\":\"" + "t".repeat(513) + "\",\"platform\":\"ios\"}}"),
        400,
        "the limit is 512");
    assertV1Error(
        putDevice(
            id,
            "{\"device\":{\"id\":\""
                + token
                + "\",\"platform\":\"ios\",\"attributes\":{\"a\":\""
                + "v".repeat(1001)
                + "\"}}}"),
        400,
        "the limit is 1000");
    assertV1Error(
        putDevice(
            id,
            "{\"device\":{\"id\":\""
                + token
                + "\",\"platform\":\"ios\",\"attributes\":{\"a\":\""
                + "v".repeat(70 * 1024)
                + "\"}}}"),
        413,
        "larger than 64 KB");
    assertV1Error(putDevice("x".repeat(151), addDeviceWithData(token)), 400, "identifier");

    Answer unauthenticated = http().put(devicesOf(id), null, addDeviceWithData(unique("u")));
    assertThat(unauthenticated.status()).isEqualTo(401);
    assertThat(unauthenticated.json().at("/meta/errors").isArray()).isTrue();
    assertThat(http().delete(devicesOf(id) + "/" + token, null).status()).isEqualTo(401);

    assertThat(calls().customer(id).path("devices").toString()).isEqualTo(before);
    assertThat(deviceRows(token)).isEqualTo(1);
  }

  @Test
  void badSegmentCallsAreRefusedInTheFamilysShapeAndChangeNothing() {
    long segmentId = calls().segment("guarded");
    String member = unique("guarded-member");
    http().put("api/v1/customers/" + member, Http.track(), "{\"plan\":\"x\"}");
    calls().add(segmentId, member);
    String other = unique("other");
    http().put("api/v1/customers/" + other, Http.track(), "{\"plan\":\"x\"}");
    String otherIds = "{\"ids\":[\"" + other + "\"]}";

    // Track API: add_customers / remove_customers.
    assertV1Error(addToSegment(segmentId, "", "{\"ids\":["), 400, "malformed JSON");
    assertV1Error(
        addToSegment(segmentId, "", "{\"ids\":\"" + other + "\"}"), 400, "ids must be an array");
    assertV1Error(
        addToSegment(segmentId, "", "{\"ids\":[{\"id\":\"a\"}]}"), 400, "ids[0] must be a string");
    assertV1Error(addToSegment(segmentId, "", "{}"), 400, "ids is required");
    StringBuilder tooMany = new StringBuilder("{\"ids\":[\"" + other + "\"");
    for (int i = 0; i < 1000; i++) {
      tooMany.append(",\"n").append(i).append('"');
    }
    assertV1Error(
        addToSegment(segmentId, "", tooMany + "]}"),
        400,
        "ids holds 1001 identifiers; the limit is 1000");
    assertV1Error(
        addToSegment(segmentId, "?id_type=phone", otherIds),
        400,
        "id_type must be one of id, email, cio_id, not \"phone\"");
    assertV1Error(
        addToSegment(segmentId, "", "{\"ids\":[\"" + "x".repeat(300 * 1024) + "\"]}"),
        413,
        "larger than 256 KB");
    assertV1Error(
        addToSegment(987654321987L, "", otherIds), 404, "no segment with id 987654321987");
    assertV1Error(
        http().post("api/v1/segments/SEGMENT_ID/remove_customers", Http.track(), otherIds),
        404,
        "no segment with id SEGMENT_ID");
    Answer unauthenticated = http().post(addCustomers(segmentId, ""), null, otherIds);
    assertThat(unauthenticated.status()).isEqualTo(401);
    assertThat(unauthenticated.json().at("/meta/errors").isArray()).isTrue();
    assertThat(http().post(addCustomers(segmentId, ""), Http.app(), otherIds).status())
        .as("an App key is no Track credential")
        .isEqualTo(401);
    assertThat(calls().members(segmentId)).containsExactly(member);

    // App API: create and read.
    int segmentsBefore = http().get("v1/segments", Http.app()).json().path("segments").size();
    assertAppError(createSegment("{\"segment\":"), 400, "malformed JSON");
    assertAppError(
        createSegment("{\"segment\":{\"name\":7}}"), 400, "segment.name must be a string");
    assertAppError(
        createSegment("{\"segment\":{\"name\":\"  \"}}"), 400, "segment.name is required");
    assertAppError(
        createSegment("{\"segment\":{\"name\":\"" + "n".repeat(256) + "\"}}"),
        400,
        "the limit is 255");
    assertAppError(
        createSegment("{\"segment\":{\"name\":\"d\",\"type\":\"dynamic\"}}"),
        400,
        "segment.conditions is required for a dynamic segment");
    assertAppError(
        createSegment(
            "{\"segment\":{\"name\":\"big\",\"description\":\"" + "d".repeat(300 * 1024) + "\"}}"),
        413,
        "larger than 256 KB");
    Answer appUnauthenticated = http().post("v1/segments", null, "{\"segment\":{\"name\":\"n\"}}");
    assertThat(appUnauthenticated.status()).isEqualTo(401);
    assertThat(appUnauthenticated.json().at("/meta/error").isTextual()).isTrue();
    assertThat(http().get("v1/segments/" + segmentId, Http.track()).status()).isEqualTo(401);
    assertThat(http().get("v1/segments", Http.app()).json().path("segments").size())
        .isEqualTo(segmentsBefore);

    assertAppError(http().get("v1/segments/abc", Http.app()), 404, "no segment with id abc");
    assertAppError(http().delete("v1/segments/987654321987", Http.app()), 404, "no segment");
    assertAppError(
        http().get("v1/segments/" + segmentId + "/membership?limit=0", Http.app()),
        400,
        "limit must be a whole number from 1 to 30000");
    assertAppError(
        http().get("v1/segments/" + segmentId + "/membership?start=xyz", Http.app()),
        400,
        "start must be empty or the next value");
    assertThat(calls().members(segmentId)).containsExactly(member);
  }
}
