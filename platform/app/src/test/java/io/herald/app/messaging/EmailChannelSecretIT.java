package io.herald.app.messaging;

import static io.herald.app.messaging.TransactionalCalls.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.app.it.Db;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * The SMTP channel setting's password is write-only and encrypted at rest: never answered, not in
 * the stored settings, kept when the setting is saved again without it (the next mail still
 * authenticates).
 */
class EmailChannelSecretIT extends EmailContainerTest {

  @Test
  void secretsAreWriteOnlyAndEncryptedAtRest() throws Exception {
    Answer list = http().get("v1/channel_settings", Http.app());
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body())
        .doesNotContain(SMTP_PASSWORD)
        .contains("\"secrets_set\":[\"password\"]");

    // Saving again without the password keeps it: the next mail still authenticates.
    Answer resaved =
        http()
            .put(
                "v1/channel_settings/smtp",
                Http.app(),
                "{\"channel\":\"email\",\"provider\":\"email-smtp\",\"default\":true,"
                    + "\"settings\":{\"host\":\"127.0.0.1\",\"port\":\""
                    + smtp.getSmtp().getPort()
                    + "\",\"security\":\"none\",\"username\":\""
                    + SMTP_USER
                    + "\",\"default_from\":\"Herald <noreply@herald.test>\"}}");
    assertThat(resaved.status()).as(resaved.body()).isEqualTo(200);
    assertThat(resaved.body()).doesNotContain(SMTP_PASSWORD);

    try (Connection c = Db.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT settings, secrets FROM messaging_channel WHERE name = 'smtp'")) {
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          assertThat(rs.getString(1)).doesNotContain(SMTP_PASSWORD);
          assertThat(rs.getString(2)).isNotBlank().doesNotContain(SMTP_PASSWORD);
        }
      }
    }

    String id = unique("tx-resaved");
    calls.identify(id, "{\"email\":\"" + id + "@example.com\"}");
    String deliveryId =
        calls.send(
            "{\"identifiers\":{\"id\":\""
                + id
                + "\"},\"from\":\"a@herald.test\",\"subject\":\"S\",\"body\":\"B\"}");
    calls.awaitState(deliveryId, "sent");
  }
}
