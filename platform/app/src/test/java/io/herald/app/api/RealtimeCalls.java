package io.herald.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.Db;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What {@link RealtimeSegmentsIT} does through the real endpoints (Track identifies, events,
 * objects and relationships; App API segment reads) and how it waits for the real-time engine (its
 * feed cursors, re-checks and rebuild state in the database).
 */
final class RealtimeCalls {

  static final Duration PATIENCE = Duration.ofSeconds(60);

  private final Supplier<Http> http;

  RealtimeCalls(Supplier<Http> http) {
    this.http = http;
  }

  long createDataSegment(String name, String condition) {
    Answer created =
        http.get()
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

  void identify(String id, String body) {
    Answer answer = http.get().put("api/v1/customers/" + id, Http.track(), body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  void track(String id, String body) {
    Answer answer = http.get().post("api/v1/customers/" + id + "/events", Http.track(), body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  String cioIdOf(String id) {
    Answer answer = http.get().get("v1/customers/" + id + "/attributes", Http.app());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("customer").path("identifiers").path("cio_id").asText();
  }

  /** The segment's changes, oldest first, as "cio_id action cause". */
  List<String> changes(long segmentId) {
    Answer answer = http.get().get("v1/segments/" + segmentId + "/changes", Http.app());
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

  List<String> members(long segmentId) {
    Answer answer = http.get().get("v1/segments/" + segmentId + "/membership", Http.app());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<String> found = new ArrayList<>();
    answer.json().path("identifiers").forEach(i -> found.add(i.path("cio_id").asText()));
    return found;
  }

  /** Customer.io Track v2: identifies an object of the type, relating no one. */
  void identifyObject(String type, String objectId, String attributes) {
    Answer answer =
        http.get()
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
  void relationship(String id, String action, String type, String objectId, String attributes) {
    Answer answer =
        http.get()
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

  /**
   * Waits until the engine has evaluated the person's creation. The people and events feeds are
   * read by separate workers: without this, the creation's evaluation can run after the next change
   * is stored, see it, and record the entry with the creation's cause ("attribute").
   */
  static void evaluated(String cio) {
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
  static void peopleFeedPassed(String cio) {
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

  static String rebuildState(long segmentId) throws SQLException {
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
