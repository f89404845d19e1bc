package io.herald.app.messaging;

import static io.herald.app.messaging.TransactionalCalls.parts;
import static io.herald.app.messaging.TransactionalCalls.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.Db;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Herald's bulk input, {@code POST /v1/send/email/batch}: entries queued on the bulk lane and sent,
 * bad entries reported at their index while the good ones go out, received engagements recorded for
 * the batch, and the App API's errors for the request itself.
 */
class BulkSendIT extends EmailContainerTest {

  @Test
  void aBatchIsQueuedOnTheBulkLaneAndSentWithBadEntriesReportedAtTheirIndex() throws Exception {
    String ada = unique("batch-ada");
    String bob = unique("batch-bob");
    calls.identify(ada, "{\"email\":\"" + ada + "@example.com\",\"first_name\":\"Ada\"}");
    calls.identify(bob, "{\"email\":\"" + bob + "@example.com\",\"first_name\":\"Bob\"}");
    String content =
        ",\"from\":\"shop@herald.test\",\"subject\":\"Sale for {{customer.first_name}}\","
            + "\"body\":\"<p>{{trigger.percent}}% off</p>\",\"message_data\":{\"percent\":20}}";

    JsonNode results =
        calls.sendBatch(
            "{\"messages\":[{\"identifiers\":{\"id\":\""
                + ada
                + "\"}"
                + content
                + ",{\"identifiers\":{\"id\":\"x\"},\"from\":\"a@b.c\",\"subject\":1,"
                + "\"body\":\"b\"},"
                + "{\"transactional_message_id\":987654321,\"identifiers\":{\"id\":\"x\"}},"
                + "\"not an object\","
                + "{\"identifiers\":{\"id\":\""
                + bob
                + "\"}"
                + content
                + "]}");

    assertThat(results).hasSize(5);
    assertThat(results.get(1).path("error").asText()).isEqualTo("subject must be a string");
    assertThat(results.get(2).path("error").asText())
        .isEqualTo("transactional message 987654321 not found");
    assertThat(results.get(3).path("error").asText()).isEqualTo("messages[3] must be an object");
    String first = results.get(0).path("delivery_id").asText();
    String last = results.get(4).path("delivery_id").asText();
    assertThat(results.get(0).path("queued_at").asLong()).isPositive();
    assertThat(results.get(0).has("error")).isFalse();

    List<MimeMessage> mails = received(2);
    assertThat(mails)
        .extracting(MimeMessage::getSubject)
        .containsExactlyInAnyOrder("Sale for Ada", "Sale for Bob");
    assertThat(parts(mails.get(0)).toString()).contains("20% off");
    calls.awaitState(first, "sent");
    calls.awaitState(last, "sent");
    try (Connection c = Db.connect();
        PreparedStatement q =
            c.prepareStatement("SELECT lane FROM messaging_delivery WHERE delivery_id IN (?, ?)")) {
      q.setString(1, first);
      q.setString(2, last);
      try (ResultSet rs = q.executeQuery()) {
        int rows = 0;
        while (rs.next()) {
          rows++;
          assertThat(rs.getString(1)).isEqualTo("bulk");
        }
        assertThat(rows).isEqualTo(2);
      }
    }
    // The sending loop records a batch's received engagements together (recordAll, one JTA
    // transaction, right after the outcomes' commit): segments see each once.
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(receivedEngagements(first, last)).isEqualTo(2));
  }

  private static int receivedEngagements(String... deliveryIds) throws Exception {
    try (Connection c = Db.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT COUNT(*) FROM segments_engagement e JOIN messaging_delivery d ON"
                    + " d.workspace_id = e.workspace_id AND d.cio_id = e.cio_id"
                    + " WHERE e.metric = 'received' AND d.delivery_id IN (?, ?)")) {
      q.setString(1, deliveryIds[0]);
      q.setString(2, deliveryIds[1]);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Test
  void badBatchRequestsGetAppErrors() {
    Answer malformed = http().post("v1/send/email/batch", Http.app(), "{\"messages\":[");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().at("/meta/error").asText()).contains("malformed JSON");

    Answer notArray = http().post("v1/send/email/batch", Http.app(), "{\"messages\":{}}");
    assertThat(notArray.status()).isEqualTo(400);
    assertThat(notArray.json().at("/meta/error").asText()).isEqualTo("messages must be an array");

    Answer notObject = http().post("v1/send/email/batch", Http.app(), "[]");
    assertThat(notObject.status()).isEqualTo(400);
    assertThat(notObject.json().at("/meta/error").asText())
        .isEqualTo("request body must be a JSON object");

    Answer empty = http().post("v1/send/email/batch", Http.app(), "{\"messages\":[]}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().at("/meta/error").asText()).isEqualTo("messages must not be empty");

    Answer tooMany = calls.sendBatchOf(1001, "{}");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().at("/meta/error").asText())
        .isEqualTo("messages has 1001 entries, at most 1000 allowed");

    Answer noAuth = http().post("v1/send/email/batch", null, "{\"messages\":[{}]}");
    assertThat(noAuth.status()).isEqualTo(401);

    byte[] big = new byte[16 * 1024 * 1024 + 10];
    Arrays.fill(big, (byte) ' ');
    Answer oversize =
        http().post("v1/send/email/batch", Http.app(), new String(big, StandardCharsets.US_ASCII));
    assertThat(oversize.status()).isEqualTo(413);
  }
}
