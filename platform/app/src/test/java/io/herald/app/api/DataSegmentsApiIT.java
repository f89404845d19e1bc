package io.herald.app.api;

import static io.herald.app.api.DataSegmentsCalls.and;
import static io.herald.app.api.DataSegmentsCalls.attr;
import static io.herald.app.api.DataSegmentsCalls.doc;
import static io.herald.app.api.DataSegmentsCalls.nested;
import static io.herald.app.api.DataSegmentsCalls.q;
import static io.herald.app.api.DataSegmentsCalls.seg;
import static io.herald.app.it.ApiAssertions.assertAppError;
import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Data-driven segments through the App API: create, read, list, update, delete, preview, a person's
 * segments, recent changes, segment-of-segment conditions and their cycles, the workspace's time
 * zone, and every kind of refused call (malformed, wrong types, no credentials, oversize, unknown
 * ids, invalid trees) changing nothing stored. Membership is computed by the real-time engine's
 * rebuild and the SQL compiler. Runs on the embedded MariaDB and again on the server at
 * 127.0.0.1:3306 when one is reachable.
 */
class DataSegmentsApiIT extends ContainerTest {

  private DataSegmentsCalls calls() {
    return new DataSegmentsCalls(http());
  }

  @Test
  void createReadListUpdateAndDeleteADataSegment() {
    String tag = unique("tag");
    List<String> p = calls().people(tag);
    String conditions = doc(and(attr("it_tag", "equals", tag), attr("plan", "equals", "pro")));
    JsonNode created = calls().createDynamic("Pro " + tag, conditions);
    long id = created.path("id").asLong();
    assertThat(created.path("type").asText()).isEqualTo("dynamic");
    assertThat(created.path("name").asText()).isEqualTo("Pro " + tag);
    assertThat(created.path("description").asText()).isEqualTo("by the IT");
    assertThat(created.path("state").asText()).isIn("building", "finished");
    JsonNode canonical =
        DataSegmentsCalls.json(
            doc(
                "{'and':[{'attribute':{'name':'it_tag','operator':'equals','value':'"
                    + tag
                    + "'}},{'attribute':{'name':'plan','operator':'equals','value':'pro'}}]}"));
    assertThat(created.path("conditions")).isEqualTo(canonical);

    calls().awaitBuilt(id, 2);
    assertThat(calls().memberIds(id)).containsExactlyInAnyOrder(p.get(0), p.get(1));
    JsonNode read = calls().segment(id);
    assertThat(read.path("conditions")).isEqualTo(canonical);
    assertThat(read.path("progress").isNull()).isTrue();

    long manual = calls().manual("manual");
    List<JsonNode> listed = calls().listed();
    assertThat(listed)
        .filteredOn(s -> s.path("id").asLong() == id)
        .singleElement()
        .satisfies(s -> assertThat(s.path("conditions")).isEqualTo(canonical));
    assertThat(listed)
        .filteredOn(s -> s.path("id").asLong() == manual)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.has("conditions")).isFalse();
              assertThat(s.path("type").asText()).isEqualTo("manual");
              assertThat(s.path("state").asText()).isEqualTo("finished");
            });

    // A person's segments, by any id type.
    assertThat(calls().segmentsOf(p.get(0))).contains(id).doesNotContain(manual);
    assertThat(calls().segmentsOf(p.get(2))).doesNotContain(id);
    Answer byEmail =
        http()
            .get("v1/customers/" + p.get(1) + "%40example.com/segments?id_type=email", Http.app());
    assertThat(byEmail.json().path("segments").findValuesAsText("name")).contains("Pro " + tag);
    String cio = calls().cioId(p.get(1));
    Answer byCio = http().get("v1/customers/" + cio + "/segments?id_type=cio_id", Http.app());
    assertThat(byCio.json().path("segments").findValuesAsText("id")).contains(Long.toString(id));

    // Recent changes: both entered through the rebuild.
    JsonNode changes = calls().changes(id, "");
    assertThat(changes.path("segment_id").asLong()).isEqualTo(id);
    assertThat(changes.path("changes").findValuesAsText("action")).containsOnly("entered");
    assertThat(changes.path("changes").findValuesAsText("cio_id")).contains(cio);
    // The rebuild, or the real-time engine if it saw the people's changes after the segment.
    assertThat(changes.path("changes").findValuesAsText("cause"))
        .hasSize(2)
        .allSatisfy(cause -> assertThat(cause).isIn("rebuild", "attribute"));

    // New conditions: a and b leave, c enters.
    Answer updated =
        calls()
            .put(
                id,
                "{'segment':{'conditions':"
                    + doc(and(attr("it_tag", "equals", tag), attr("plan", "equals", "free")))
                    + "}}");
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().at("/segment/name").asText()).isEqualTo("Pro " + tag);
    calls().awaitBuilt(id, 1);
    assertThat(calls().memberIds(id)).containsExactly(p.get(2));
    JsonNode after = calls().changes(id, "?limit=2");
    assertThat(after.path("changes")).hasSize(2);
    JsonNode all = calls().changes(id, "?limit=1000");
    assertThat(all.path("changes").findValuesAsText("action"))
        .containsExactlyInAnyOrder("entered", "entered", "exited", "exited", "entered");

    // A rename keeps the conditions and the members.
    Answer renamed = calls().put(id, "{'segment':{'name':'Free " + tag + "'}}");
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(calls().segment(id).path("name").asText()).isEqualTo("Free " + tag);
    assertThat(calls().segment(id).at("/conditions/condition/and/1/attribute/value").asText())
        .isEqualTo("free");
    assertThat(calls().count(id)).isEqualTo(1);

    // Deleted with its members.
    calls().delete(id);
    assertAppError(http().get("v1/segments/" + id, Http.app()), 404, "no segment with id " + id);
    assertThat(DevicesAndSegmentsCalls.membershipRowsOfSegment(id)).isZero();
    assertThat(calls().segmentsOf(p.get(2))).doesNotContain(id);
    calls().delete(manual);
  }

  @Test
  void previewCountsAndSamplesWithoutSavingAnything() {
    String tag = unique("tag");
    List<String> p = calls().people(tag);
    String before = calls().settledSnapshot();
    Answer preview =
        calls().preview("{'conditions':" + doc(attr("it_tag", "equals", tag)) + ",'sample':2}");
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.json().path("count").asLong()).isEqualTo(3);
    JsonNode sample = preview.json().path("sample");
    assertThat(sample).hasSize(2);
    assertThat(p).contains(sample.get(0).path("id").asText(), sample.get(1).path("id").asText());
    assertThat(sample.get(0).path("email").asText()).endsWith("@example.com");
    assertThat(sample.get(0).path("cio_id").asText()).isNotEmpty();

    Answer pro =
        calls()
            .preview(
                "{'conditions':"
                    + doc(
                        and(
                            attr("it_tag", "equals", tag),
                            "{'not':" + attr("plan", "equals", "free") + "}"))
                    + "}");
    assertThat(pro.json().path("count").asLong()).isEqualTo(2);
    assertThat(pro.json().path("sample")).hasSize(2);
    Answer none =
        calls().preview("{'conditions':" + doc(attr("it_tag", "equals", tag)) + ",'sample':0}");
    assertThat(none.json().path("count").asLong()).isEqualTo(3);
    assertThat(none.json().path("sample")).isEmpty();
    assertThat(calls().snapshot()).isEqualTo(before);
  }

  @Test
  void segmentConditionsFollowOtherSegmentsAndNeverCycle() {
    String tag = unique("tag");
    List<String> p = calls().people(tag);
    long manual = calls().manual("base");
    Answer added =
        http()
            .post(
                "api/v1/segments/" + manual + "/add_customers",
                Http.track(),
                q("{'ids':['" + p.get(2) + "']}"));
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    long a = calls().createDynamic("A " + tag, doc(seg(manual))).path("id").asLong();
    long b =
        calls()
            .createDynamic("B " + tag, doc(and(seg(a), attr("it_tag", "equals", tag))))
            .path("id")
            .asLong();
    calls().awaitBuilt(a, 1);
    calls().awaitBuilt(b, 1);
    assertThat(calls().memberIds(b)).containsExactly(p.get(2));

    String before = calls().settledSnapshot();
    assertAppError(
        calls().put(a, "{'segment':{'conditions':" + doc(seg(b)) + "}}"),
        400,
        "segment.conditions: $.condition.segment.id: segment "
            + b
            + " depends on this segment ("
            + b
            + " → "
            + a
            + "), which would make a cycle");
    assertAppError(
        calls().put(a, "{'segment':{'conditions':" + doc("{'not':" + seg(a) + "}") + "}}"),
        400,
        "segment.conditions: $.condition.not.segment.id: a segment cannot be a condition of itself");
    assertAppError(
        calls()
            .post(
                "{'segment':{'name':'x','type':'dynamic','conditions':"
                    + doc(
                        and("{'attribute':{'name':'plan','operator':'exists'}}", seg(999_999_999)))
                    + "}}"),
        400,
        "segment.conditions: $.condition.and[1].segment.id: no segment with id 999999999 in this"
            + " workspace");
    // Deleting a segment another names is refused, naming the other.
    assertAppError(
        http().delete("v1/segments/" + manual, Http.app()),
        400,
        "segment " + manual + " is used by the conditions of segment " + a + " (A " + tag + ")");
    assertAppError(
        http().delete("v1/segments/" + a, Http.app()),
        400,
        "used by the conditions of segment " + b);
    assertThat(calls().snapshot()).isEqualTo(before);

    calls().delete(b, a, manual);
  }

  @Test
  void datesAreReadInTheWorkspaceTimeZone() {
    String tag = unique("tag");
    // 2026-01-01T23:30:00Z: still January 1st in UTC, already January 2nd in Paris.
    calls().person(unique("tz"), "{'it_tag':'" + tag + "','signed_up':1767310200}");
    String after =
        "{'conditions':"
            + doc(
                and(
                    attr("it_tag", "equals", tag),
                    "{'attribute':{'name':'signed_up','operator':'after','value':'2026-01-01'}}"))
            + "}";
    JsonNode settings = http().get("v1/workspace/settings", Http.app()).json();
    assertThat(settings.path("timezone").asText()).isEqualTo("UTC");
    assertThat(calls().preview(after).json().path("count").asLong()).isZero();
    try {
      Answer paris =
          http().put("v1/workspace/settings", Http.app(), q("{'timezone':'Europe/Paris'}"));
      assertThat(paris.status()).as(paris.body()).isEqualTo(200);
      assertThat(paris.json().path("timezone").asText()).isEqualTo("Europe/Paris");
      assertThat(paris.json().has("api_requests_per_second")).isTrue();
      assertThat(calls().preview(after).json().path("count").asLong()).isEqualTo(1);
      for (String bad : List.of("'Mars/Olympus'", "'+01:00'", "7", "null")) {
        assertAppError(
            http().put("v1/workspace/settings", Http.app(), q("{'timezone':" + bad + "}")),
            400,
            "timezone must be an IANA time zone name");
      }
      assertThat(calls().timezone()).isEqualTo("Europe/Paris");
    } finally {
      http().put("v1/workspace/settings", Http.app(), q("{'timezone':'UTC'}"));
    }
    assertThat(calls().timezone()).isEqualTo("UTC");
  }

  @Test
  void invalidTreesAreRefusedNamingThePathOnEveryEndpoint() {
    long id =
        calls()
            .createDynamic(unique("valid"), doc("{'device':{'platform':'ios'}}"))
            .path("id")
            .asLong();
    calls().awaitFinished(id);
    String unknownOperator =
        doc(
            and(
                "{'device':{}}",
                "{'device':{}}",
                "{'attribute':{'name':'a','operator':'like','value':'x'}}"));
    String wrongType = doc("{'attribute':{'name':'age','operator':'greater_than','value':'ten'}}");
    String tooDeep = doc(nested(21));
    String[][] trees = {
      {unknownOperator, "$.condition.and[2].attribute.operator: unknown operator 'like'"},
      {wrongType, "$.condition.attribute.value: must be a number"},
      {tooDeep, "$.condition" + ".not".repeat(20) + ": the tree is deeper than 20 levels"},
      {
        doc("{'event':{'name':'e','count':{'at_least':-1}}}"),
        "$.condition.event.count.at_least: must be from 0 to"
      },
      {"{'version':2,'condition':{'device':{}}}", "$.version: unknown version 2"},
    };
    String before = calls().settledSnapshot();
    for (String[] tree : trees) {
      assertAppError(
          calls().post("{'segment':{'name':'bad','type':'dynamic','conditions':" + tree[0] + "}}"),
          400,
          "segment.conditions: " + tree[1]);
      assertAppError(
          calls().put(id, "{'segment':{'conditions':" + tree[0] + "}}"),
          400,
          "segment.conditions: " + tree[1]);
      assertAppError(
          calls().preview("{'conditions':" + tree[0] + "}"), 400, "conditions: " + tree[1]);
    }
    assertThat(calls().snapshot()).isEqualTo(before);
    assertThat(calls().segment(id).at("/conditions/condition/device/platform").asText())
        .isEqualTo("ios");
    calls().delete(id);
  }

  @Test
  void malformedUnauthenticatedOversizeAndUnknownCallsChangeNothing() {
    long id = calls().createDynamic(unique("kept"), doc("{'device':{}}")).path("id").asLong();
    long manual = calls().manual("kept manual");
    calls().awaitFinished(id);
    String valid = doc("{'device':{}}");
    String big = "{\"conditions\":" + q(valid) + ",\"pad\":\"" + "x".repeat(300 * 1024) + "\"}";
    String before = calls().settledSnapshot();

    // Malformed JSON and wrong types.
    for (String path : List.of("v1/segments", "v1/segments/preview")) {
      assertAppError(http().post(path, Http.app(), "{\"segment\":"), 400, "malformed JSON");
      assertAppError(http().post(path, Http.app(), ""), 400, "request body is empty");
      assertAppError(http().post(path, Http.app(), "[".repeat(2000)), 400, "malformed JSON");
      assertAppError(http().post(path, Http.app(), big), 413, "larger than 256 KB");
      assertThat(http().post(path, null, q("{'conditions':" + valid + "}")).status())
          .isEqualTo(401);
      assertThat(http().post(path, Http.track(), q("{'conditions':" + valid + "}")).status())
          .isEqualTo(401);
    }
    assertAppError(
        http().put("v1/segments/" + id, Http.app(), "{\"segment\":"), 400, "malformed JSON");
    assertAppError(http().put("v1/segments/" + id, Http.app(), big), 413, "larger than 256 KB");
    assertThat(http().put("v1/segments/" + id, null, q("{'segment':{'name':'x'}}")).status())
        .isEqualTo(401);
    assertAppError(
        calls().post("{'segment':{'name':'x','type':'dynamic','conditions':'all'}}"),
        400,
        "segment.conditions: $: must be an object");
    assertAppError(
        calls().post("{'segment':{'name':'x','type':'dynamic'}}"),
        400,
        "segment.conditions is required for a dynamic segment");
    assertAppError(
        calls().post("{'segment':{'name':'x','type':'smart'}}"),
        400,
        "segment.type must be manual or dynamic");
    assertAppError(
        calls().post("{'segment':{'name':' ','conditions':" + valid + "}}"),
        400,
        "segment.name is required");
    assertAppError(calls().put(id, "{'segment':{'name':5}}"), 400, "segment.name must be a string");
    assertAppError(
        calls().put(id, "{'segment':{}}"),
        400,
        "segment must have name, description or conditions to change");
    assertAppError(
        calls().put(id, "{'segment':{'name':'" + "n".repeat(256) + "'}}"), 400, "the limit is 255");
    assertAppError(
        calls().put(manual, "{'segment':{'name':'renamed'}}"),
        400,
        "segment " + manual + " is manual; only dynamic segments can be changed");
    assertAppError(
        calls().preview("{'conditions':" + valid + ",'sample':101}"),
        400,
        "sample must be a whole number from 0 to 100");
    assertAppError(calls().preview("{'sample':1}"), 400, "conditions is required");
    assertAppError(
        http().get("v1/segments/" + id + "/changes?limit=0", Http.app()),
        400,
        "limit must be a whole number from 1 to 1000");
    assertAppError(
        http().get("v1/segments/" + id + "/changes?limit=x", Http.app()), 400, "limit must be");

    // Unknown ids.
    for (String unknown : List.of("999999999", "abc")) {
      assertAppError(http().get("v1/segments/" + unknown, Http.app()), 404, "no segment with id");
      assertAppError(
          calls().put(unknown, "{'segment':{'name':'x'}}"), 404, "no segment with id " + unknown);
      assertAppError(http().delete("v1/segments/" + unknown, Http.app()), 404, "no segment");
      assertAppError(
          http().get("v1/segments/" + unknown + "/changes", Http.app()), 404, "no segment");
      assertAppError(
          http().get("v1/segments/" + unknown + "/customer_count", Http.app()), 404, "no segment");
      assertAppError(
          http().get("v1/segments/" + unknown + "/membership", Http.app()), 404, "no segment");
    }
    assertAppError(
        http().get("v1/customers/" + unique("nobody") + "/segments", Http.app()),
        404,
        "no customer with id");
    assertAppError(
        http().get("v1/customers/x/segments?id_type=phone", Http.app()),
        400,
        "id_type must be one of id, email, cio_id");
    assertThat(http().get("v1/customers/x/segments", null).status()).isEqualTo(401);
    assertThat(http().get("v1/segments/" + id + "/changes", null).status()).isEqualTo(401);
    assertThat(http().delete("v1/segments/" + id, null).status()).isEqualTo(401);

    assertThat(calls().snapshot()).isEqualTo(before);
    calls().delete(id, manual);
  }
}
