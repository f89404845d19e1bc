package io.herald.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.herald.app.it.ContainerTest;
import io.herald.app.it.Db;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the email container tests: the deployed WAR with the real {@code email-smtp} plugin
 * loaded from the plugins directory, a GreenMail SMTP server (AUTH) per class that the workspace's
 * default channel setting points at before each test, {@link TransactionalCalls} for the API, and
 * the subscription topics a test created, deleted after it so other tests see a workspace without
 * topics.
 */
abstract class EmailContainerTest extends ContainerTest {

  protected static final Duration PATIENCE = Duration.ofSeconds(30);

  protected static final String SMTP_USER = "herald-smtp";

  protected static final String SMTP_PASSWORD = "s3cret-smtp-password";

  protected static GreenMail smtp;

  @BeforeAll
  static void startSmtp() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    smtp.setUser("noreply@herald.test", SMTP_USER, SMTP_PASSWORD);
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  protected TransactionalCalls calls;

  @BeforeEach
  void configureChannel() throws Exception {
    calls = new TransactionalCalls(http());
    smtp.purgeEmailFromAllMailboxes();
    Answer saved =
        http()
            .put(
                "v1/channel_settings/smtp",
                Http.app(),
                "{\"channel\":\"email\",\"provider\":\"email-smtp\",\"default\":true,"
                    + "\"settings\":{\"host\":\"127.0.0.1\",\"port\":\""
                    + smtp.getSmtp().getPort()
                    + "\",\"security\":\"none\",\"username\":\""
                    + SMTP_USER
                    + "\",\"password\":\""
                    + SMTP_PASSWORD
                    + "\",\"default_from\":\"Herald <noreply@herald.test>\"},"
                    + "\"rate_limit\":{\"per_second\":50,\"burst\":10,"
                    + "\"domains\":{\"example.com\":20}}}");
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().at("/channel_setting/rate_limit/domains/example.com").asInt())
        .isEqualTo(20);
  }

  protected static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Topics this test created; deleted after it so other tests see a workspace without topics. */
  protected final List<Long> topics = new ArrayList<>();

  /**
   * Waits until no delivery is due or being sent, so a mail a test queued and did not wait for
   * never lands in the next test's mailbox (the tests share the node and its queue).
   */
  @org.junit.jupiter.api.AfterEach
  void settleQueue() {
    await().atMost(PATIENCE).until(() -> pendingDeliveries() == 0);
  }

  private static long pendingDeliveries() throws Exception {
    try (Connection c = Db.connect();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT COUNT(*) FROM messaging_delivery WHERE state = 'sending'"
                    + " OR (state = 'queued' AND due_at <= ?)")) {
      // Herald stores UTC DATETIMEs: compare with a UTC value, whatever the server's zone.
      q.setString(1, LocalDateTime.now(ZoneOffset.UTC).plusSeconds(1).toString().replace('T', ' '));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @org.junit.jupiter.api.AfterEach
  void deleteTopics() {
    for (long topic : topics) {
      http().delete("v1/subscription_topics/" + topic, Http.app());
    }
    topics.clear();
  }

  protected JsonNode createTopic(String json) {
    Answer created = http().post("v1/subscription_topics", Http.app(), json);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode topic = created.json().path("topic");
    topics.add(topic.path("id").asLong());
    return topic;
  }

  protected List<MimeMessage> received(int count) {
    await().atMost(PATIENCE).until(() -> smtp.getReceivedMessages().length >= count);
    return Arrays.asList(smtp.getReceivedMessages());
  }

  /** A link in a mail, aimed at the deployment instead of the configured public URL. */
  protected String local(String link) {
    return link.replace("http://localhost:8080/", base.toString());
  }
}
