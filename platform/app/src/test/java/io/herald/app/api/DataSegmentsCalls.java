package io.herald.app.api;

import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.app.it.Db;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Set-up calls, requests and reads of {@link DataSegmentsApiIT}, through the public APIs, and a
 * snapshot of the stored segments to prove a refused call changed nothing.
 */
final class DataSegmentsCalls {

  private final Http http;

  DataSegmentsCalls(Http http) {
    this.http = http;
  }

  /** JSON written with single quotes for readability. */
  static String q(String text) {
    return text.replace('\'', '"');
  }

  /** {@code {"version":1,"condition":NODE}}. */
  static String doc(String node) {
    return "{'version':1,'condition':" + node + "}";
  }

  /** An attribute leaf comparing with text. */
  static String attr(String name, String operator, String value) {
    return "{'attribute':{'name':'"
        + name
        + "','operator':'"
        + operator
        + "','value':'"
        + value
        + "'}}";
  }

  /** AND of the nodes. */
  static String and(String... nodes) {
    return "{'and':[" + String.join(",", nodes) + "]}";
  }

  /** A segment leaf. */
  static String seg(long id) {
    return "{'segment':{'id':" + id + "}}";
  }

  /** A tree {@code depth} levels deep: NOTs around one leaf. */
  static String nested(int depth) {
    String node = "{'device':{}}";
    for (int i = 1; i < depth; i++) {
      node = "{'not':" + node + "}";
    }
    return node;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parses JSON written with single quotes. */
  static JsonNode json(String text) {
    try {
      return JSON.readTree(q(text));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Three tagged people: a and b on plan pro, c on plan free. */
  List<String> people(String tag) {
    List<String> ids = List.of(unique("a"), unique("b"), unique("c"));
    String[] plans = {"pro", "pro", "free"};
    for (int i = 0; i < 3; i++) {
      person(
          ids.get(i),
          "{'email':'"
              + ids.get(i)
              + "@example.com','plan':'"
              + plans[i]
              + "','it_tag':'"
              + tag
              + "'}");
    }
    return ids;
  }

  /** {@code POST /v1/segments} with this body (single quotes). */
  Answer post(String body) {
    return http.post("v1/segments", Http.app(), q(body));
  }

  /** {@code PUT /v1/segments/ID} with this body (single quotes). */
  Answer put(Object id, String body) {
    return http.put("v1/segments/" + id, Http.app(), q(body));
  }

  /** {@code POST /v1/segments/preview} with this body (single quotes). */
  Answer preview(String body) {
    return http.post("v1/segments/preview", Http.app(), q(body));
  }

  /** {@code GET /v1/segments/ID/changes?QUERY}. */
  JsonNode changes(long id, String query) {
    return http.get("v1/segments/" + id + "/changes" + query, Http.app()).json();
  }

  /** Every segment {@code GET /v1/segments} lists. */
  List<JsonNode> listed() {
    List<JsonNode> listed = new ArrayList<>();
    http.get("v1/segments", Http.app()).json().path("segments").forEach(listed::add);
    return listed;
  }

  /** The workspace's time zone setting. */
  String timezone() {
    return http.get("v1/workspace/settings", Http.app()).json().path("timezone").asText();
  }

  /** Deletes the segments, each answered 204. */
  void delete(long... ids) {
    for (long id : ids) {
      assertThat(http.delete("v1/segments/" + id, Http.app()).status()).isEqualTo(204);
    }
  }

  /** Creates (or updates) a person through the Track API with these attributes. */
  void person(String id, String attributesJson) {
    Answer answer = http.put("api/v1/customers/" + id, Http.track(), q(attributesJson));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  String cioId(String id) {
    Answer answer = http.get("v1/customers/" + id + "/attributes", Http.app());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().at("/customer/identifiers/cio_id").asText();
  }

  /** {@code POST /v1/segments} of a dynamic segment; returns the answer's segment. */
  JsonNode createDynamic(String name, String conditions) {
    Answer created =
        http.post(
            "v1/segments",
            Http.app(),
            q(
                "{'segment':{'name':'"
                    + name
                    + "','description':'by the IT','type':'dynamic','conditions':"
                    + conditions
                    + "}}"));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    return created.json().path("segment");
  }

  long manual(String name) {
    Answer created =
        http.post("v1/segments", Http.app(), q("{'segment':{'name':'" + unique(name) + "'}}"));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    return created.json().at("/segment/id").asLong();
  }

  JsonNode segment(long id) {
    Answer answer = http.get("v1/segments/" + id, Http.app());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("segment");
  }

  long count(long segmentId) {
    Answer answer = http.get("v1/segments/" + segmentId + "/customer_count", Http.app());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("count").asLong();
  }

  /** The members' ids in join order. */
  List<String> memberIds(long segmentId) {
    Answer answer = http.get("v1/segments/" + segmentId + "/membership", Http.app());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    answer.json().path("ids").forEach(i -> ids.add(i.asText()));
    return ids;
  }

  /** Waits until the segment's rebuild is done and it has {@code expected} members. */
  void awaitBuilt(long segmentId, long expected) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              assertThat(segment(segmentId).path("state").asText()).isEqualTo("finished");
              assertThat(count(segmentId)).isEqualTo(expected);
            });
  }

  /** Waits until the segment's rebuild is done, whatever its members. */
  void awaitFinished(long segmentId) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> assertThat(segment(segmentId).path("state").asText()).isEqualTo("finished"));
  }

  /** The ids of the segments the person is in, by id. */
  List<Long> segmentsOf(String id) {
    Answer answer = http.get("v1/customers/" + id + "/segments", Http.app());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    answer.json().path("segments").forEach(s -> ids.add(s.path("id").asLong()));
    return ids;
  }

  /**
   * The {@link #snapshot} once background work (rebuilds, real-time evaluation of people created
   * earlier) has settled: two reads in a row agree.
   */
  String settledSnapshot() {
    String[] last = {snapshot()};
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              String now = snapshot();
              boolean same = now.equals(last[0]);
              last[0] = now;
              return same;
            });
    return last[0];
  }

  /**
   * Everything stored about the workspace's segments: the list as the API answers it and the rows
   * of the segment and membership tables, so a refused call can be shown to change none of them.
   */
  String snapshot() {
    StringBuilder all = new StringBuilder(http.get("v1/segments", Http.app()).body());
    try (Connection c = Db.connect()) {
      for (String sql :
          List.of(
              "SELECT id, name, description, type, conditions, revision, updated_at"
                  + " FROM segments_segment ORDER BY id",
              "SELECT segment_id, cio_id FROM segments_membership ORDER BY id")) {
        try (PreparedStatement s = c.prepareStatement(sql);
            ResultSet rs = s.executeQuery()) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              all.append(rs.getString(i)).append('|');
            }
            all.append('\n');
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return all.toString();
  }
}
