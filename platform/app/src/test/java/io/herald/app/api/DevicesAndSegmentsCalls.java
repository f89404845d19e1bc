package io.herald.app.api;

import static io.herald.app.it.ApiAssertions.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.Db;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and set-up calls of {@link DevicesAndSegmentsIT}, through the public APIs, and the row
 * counts it checks in the database.
 */
final class DevicesAndSegmentsCalls {

  private final Http http;

  DevicesAndSegmentsCalls(Http http) {
    this.http = http;
  }

  /** {@code track.addDevice('CUSTOMER_ID', 'DEVICE_TOKEN', 'ios', {last_used, app_version})}. */
  static String addDeviceWithData(String token) {
    return "{\"device\":{\"id\":\""
        + token
        + "\",\"platform\":\"ios\",\"last_used\":1700000000,"
        + "\"attributes\":{\"app_version\":\"1.2.3\"}}}";
  }

  /** {@code track.addDevice('CUSTOMER_ID', 'DEVICE_TOKEN_2', 'android')}: no data keys. */
  static String addDeviceWithoutData(String token) {
    return "{\"device\":{\"id\":\"" + token + "\",\"platform\":\"android\"}}";
  }

  private Http http() {
    return http;
  }

  static String devicesOf(String identifier) {
    return "api/v1/customers/" + identifier + "/devices";
  }

  static String attributesOf(String id) {
    return "v1/customers/" + id + "/attributes";
  }

  static String addCustomers(long segmentId, String query) {
    return "api/v1/segments/" + segmentId + "/add_customers" + query;
  }

  JsonNode customer(String id) {
    Answer answer = http().get(attributesOf(id), Http.app());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("customer");
  }

  JsonNode customerByEmail(String email) {
    Answer answer =
        http().get(attributesOf(email.replace("@", "%40")) + "?id_type=email", Http.app());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("customer");
  }

  String cioId(String id) {
    return customer(id).at("/identifiers/cio_id").asText();
  }

  long segment(String name) {
    Answer created =
        http().post("v1/segments", Http.app(), "{\"segment\":{\"name\":\"" + unique(name) + "\"}}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    return created.json().at("/segment/id").asLong();
  }

  void add(long segmentId, String... ids) {
    Answer answer =
        http()
            .post(
                addCustomers(segmentId, ""),
                Http.track(),
                "{\"ids\":[\"" + String.join("\",\"", ids) + "\"]}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  long count(long segmentId) {
    Answer answer = http().get("v1/segments/" + segmentId + "/customer_count", Http.app());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().path("segment_id").asLong()).isEqualTo(segmentId);
    return answer.json().path("count").asLong();
  }

  /** The members' ids, in join order. */
  List<String> members(long segmentId) {
    List<String> ids = new ArrayList<>();
    http()
        .get("v1/segments/" + segmentId + "/membership", Http.app())
        .json()
        .path("ids")
        .forEach(i -> ids.add(i.asText()));
    return ids;
  }

  static long deviceRows(String token) {
    return countRows("SELECT COUNT(*) FROM people_device WHERE token = ?", token);
  }

  static long membershipRowsOfPerson(String cioId) {
    return countRows("SELECT COUNT(*) FROM segments_membership WHERE cio_id = ?", cioId);
  }

  static long membershipRowsOfSegment(long segmentId) {
    return countRows(
        "SELECT COUNT(*) FROM segments_membership WHERE segment_id = ?", Long.toString(segmentId));
  }

  static long countRows(String sql, String parameter) {
    try (Connection c = Db.connect();
        PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
