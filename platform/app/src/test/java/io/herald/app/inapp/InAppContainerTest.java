package io.herald.app.inapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.app.it.ContainerTest;
import io.herald.app.it.Db;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Base of the in-app container tests: people and tokens through the public APIs, the SDK client,
 * and messages sent through the real {@code POST /v1/send/in_app} ({@link #send}), which the
 * sending loop hands to Herald's own in-app provider. One test queues by writing the module's row
 * straight into {@code inapp_message} ({@link #queueAsAnotherNode}), as the in-app provider of
 * another node does (the row is exactly what the provider writes; {@code InAppQueueIT} checks the
 * provider's writes): a node learns of another node's message only through its once-a-second check,
 * which a send on this node would not exercise.
 */
abstract class InAppContainerTest extends ContainerTest {

  /** The message's fields, as the in-app provider stores them and as a send gives them. */
  static final String FIELDS =
      "\"title\":\"Welcome\",\"message\":\"Try the editor\",\"type\":\"modal\","
          + "\"buttons\":[{\"label\":\"Open\",\"action\":\"url\",\"url\":\"https://example.com/editor\"},"
          + "{\"label\":\"Later\",\"action\":\"dismiss\",\"url\":\"\"}]";

  static final String CONTENT = "{" + FIELDS + ",\"image_url\":\"\"}";

  SdkClient sdk() {
    return new SdkClient(base);
  }

  /** A new person through the Track API; their cio_id. */
  String person(String id) {
    Answer put =
        http()
            .put(
                "api/v1/customers/" + id,
                Http.track(),
                "{\"email\":\"" + id + "@example.com\",\"plan\":\"pro\"}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    Answer read = http().get("v1/customers/" + id + "/attributes", Http.app());
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    return read.json().at("/customer/identifiers/cio_id").asText();
  }

  Answer token(String body) {
    return http().post("v1/inapp/tokens", Http.app(), body);
  }

  String tokenFor(String id) {
    Answer answer = token("{\"identifiers\":{\"id\":\"" + id + "\"}}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().get("token").asText();
  }

  long workspaceId() {
    Answer region = http().get("api/v1/accounts/region", Http.track());
    assertThat(region.status()).as(region.body()).isEqualTo(200);
    return region.json().get("environment_id").asLong();
  }

  /**
   * Sends the person {@code id} the message through {@code POST /v1/send/in_app} and waits until
   * the sending loop has handed it to the in-app provider (its row is in {@code inapp_message}).
   *
   * @return the delivery id, which is the message's id in the SDK
   */
  String send(long workspace, String id) {
    // Another test class may have made a recording echo the in_app default; the built-in provider
    // serves the channel when no setting names it.
    http().delete("v1/channel_settings/echo-in-app", Http.app());
    Answer sent =
        http()
            .post(
                "v1/send/in_app",
                Http.app(),
                "{\"identifiers\":{\"id\":\"" + id + "\"}," + FIELDS + "}");
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    String deliveryId = sent.json().get("delivery_id").asText();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(exists(workspace, deliveryId)).isTrue());
    return deliveryId;
  }

  private static boolean exists(long workspace, String deliveryId) throws SQLException {
    try (Connection c = Db.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT 1 FROM inapp_message WHERE workspace_id = ? AND delivery_id = ?")) {
      q.setLong(1, workspace);
      q.setString(2, deliveryId);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Queues a message as another node's in-app provider writes it (see the class comment). */
  static void queueAsAnotherNode(long workspace, String cioId, String deliveryId)
      throws SQLException {
    try (Connection c = Db.connect();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO inapp_message (workspace_id, cio_id, delivery_id, content, state,"
                    + " created_at, expires_at) VALUES (?, ?, ?, ?, 'pending', UTC_TIMESTAMP(3),"
                    + " UTC_TIMESTAMP(3) + INTERVAL 1 DAY)")) {
      insert.setLong(1, workspace);
      insert.setString(2, cioId);
      insert.setString(3, deliveryId);
      insert.setString(4, CONTENT);
      insert.executeUpdate();
    }
  }

  static String[] stored(long workspace, String deliveryId) throws SQLException {
    try (Connection c = Db.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT state, clicked_url FROM inapp_message"
                    + " WHERE workspace_id = ? AND delivery_id = ?")) {
      q.setLong(1, workspace);
      q.setString(2, deliveryId);
      try (ResultSet rs = q.executeQuery()) {
        assertThat(rs.next()).as("message " + deliveryId + " stored").isTrue();
        return new String[] {rs.getString(1), rs.getString(2)};
      }
    }
  }

  static void assertReplyError(SdkClient.Reply reply, int status, String fragment) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().at("/meta/error").asText()).contains(fragment);
  }
}
