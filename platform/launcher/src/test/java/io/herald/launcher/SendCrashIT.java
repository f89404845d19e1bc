package io.herald.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.herald.testing.TestDatabase;
import io.herald.testing.TestDatabases;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code kill -9} of Herald in the middle of sending 400 emails: after a restart every delivery
 * is sent (none lost), the log has each exactly once, and the mail server holds every delivery's
 * Message-ID. Copies a restarted node sends again (it cannot know whether the SMTP server took a
 * message whose outcome the dead node had not committed) carry the same Message-ID, so mail clients
 * keep one; their number is bounded by what was in flight and printed. Two ways in: emails queued
 * for later (claimed through the database when due) and emails due at once (written claimed and
 * handed straight to the sending loop, some still waiting in its memory when the node dies).
 */
class SendCrashIT {

  private static final String APP_KEY = "crash-app-key-0123456789abcdef";
  private static final int MESSAGES = 400;
  private static final int BATCH = 20;
  private static final int THREADS = 2;

  private HeraldProcess herald;
  private TestDatabase database;
  private GreenMail smtp;

  @Test
  void noDeliveryIsLostAndNoneIsLoggedTwiceAcrossAKillDashNine() throws Exception {
    crashMidSend(true);
  }

  @Test
  void noHandedOverDeliveryIsLostAndNoneIsLoggedTwiceAcrossAKillDashNine() throws Exception {
    crashMidSend(false);
  }

  /**
   * @param scheduled queue every email for one moment a few seconds ahead (claimed through the
   *     database when due), else send them at once (handed straight to the loop)
   */
  private void crashMidSend(boolean scheduled) throws Exception {
    Path work =
        Path.of(System.getProperty("herald.test.work-dir"))
            .resolve("send-crash-" + System.nanoTime());
    database = TestDatabases.embedded(work.resolve("mariadb"));
    int smtpPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      smtpPort = socket.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Map<String, String> env = new HashMap<>();
    env.put("HERALD_BOOTSTRAP_APP_API_KEY", APP_KEY);
    env.put("HERALD_MESSAGING_SENDER_LEASE_SECONDS", "5");
    env.put("HERALD_MESSAGING_SENDER_BATCH_SIZE", Integer.toString(BATCH));
    env.put("HERALD_MESSAGING_SENDER_TRANSACTIONAL_THREADS", Integer.toString(THREADS));
    herald = new HeraldProcess(work, database, env);
    herald.start();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    // 100 (handed over: 20) messages a second through the provider, so the kill lands mid-send.
    // Handed-over emails start going out while the 400 requests are still being answered: at 50 a
    // second a loaded CI machine answered them more slowly than they were sent, and all 400 had
    // gone before the kill (2026-12-01); at 20 a second sending them takes 20 s.
    int perSecond = scheduled ? 100 : 20;
    assertThat(
            call(
                http,
                "PUT",
                "v1/channel_settings/smtp",
                "{\"channel\":\"email\",\"provider\":\"email-smtp\",\"default\":true,"
                    + "\"settings\":{\"host\":\"127.0.0.1\",\"port\":\""
                    + smtpPort
                    + "\",\"security\":\"none\",\"default_from\":\"crash@herald.test\"},"
                    + "\"rate_limit\":{\"per_second\":"
                    + perSecond
                    + ",\"burst\":10}}"))
        .isEqualTo(200);
    // Queued for one moment a few seconds ahead, so all of them are due together.
    long sendAt = Instant.now().plusSeconds(15).getEpochSecond();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      String body =
          "{\"identifiers\":{\"email\":\"p"
              + i
              + "@example.com\"},\"from\":\"crash@herald.test\",\"subject\":\"Crash "
              + i
              + "\",\"body\":\"<p>Message "
              + i
              + "</p>\""
              + (scheduled ? ",\"send_at\":" + sendAt : "")
              + "}";
      answers.add(clients.submit(() -> call(http, "POST", "v1/send/email", body)));
    }
    for (Future<Integer> answer : answers) {
      assertThat(answer.get()).isEqualTo(200);
    }
    clients.shutdown();
    if (scheduled) {
      assertThat(state("queued")).isEqualTo(MESSAGES);
    }

    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> smtp.getReceivedMessages().length >= perSecond);
    herald.killDashNine();
    int beforeRestart = smtp.getReceivedMessages().length;
    assertThat(beforeRestart).as("killed mid-send").isLessThan(MESSAGES);

    // Written claimed by the request (attempted as it was created) or claimed later when due.
    assertThat(claimedAtCreation())
        .as("deliveries handed straight to the loop")
        .isEqualTo(scheduled ? 0 : MESSAGES);

    herald.start();
    await().atMost(Duration.ofMinutes(3)).until(() -> state("sent") == MESSAGES);

    Map<String, Integer> copies = new HashMap<>();
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      copies.merge(mail.getMessageID(), 1, Integer::sum);
    }
    List<String> providerIds = providerIds();
    assertThat(providerIds).hasSize(MESSAGES).doesNotHaveDuplicates();
    assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(providerIds);
    int extra = smtp.getReceivedMessages().length - MESSAGES;
    System.out.printf(
        "[send-crash] %d of %d mails received before the kill; after the restart every delivery"
            + " sent once in the log, %d extra copies (same Message-ID) of in-flight mails%n",
        beforeRestart, MESSAGES, extra);
    assertThat(extra).as("copies of in-flight mails").isLessThanOrEqualTo(BATCH * THREADS);
  }

  private int call(HttpClient http, String method, String path, String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(herald.url(path)))
                .header("Authorization", "Bearer " + APP_KEY)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }

  private int state(String state) throws Exception {
    return HeraldProcess.column(
            database, "SELECT COUNT(*) FROM messaging_delivery WHERE state = '" + state + "'")
        .stream()
        .mapToInt(Integer::parseInt)
        .sum();
  }

  private int claimedAtCreation() throws Exception {
    return Integer.parseInt(
        HeraldProcess.column(
                database,
                "SELECT COUNT(*) FROM messaging_delivery_metric a JOIN messaging_delivery_metric c"
                    + " ON c.delivery_pk = a.delivery_pk AND c.metric = 'created'"
                    + " WHERE a.metric = 'attempted' AND a.at = c.at")
            .get(0));
  }

  private List<String> providerIds() throws Exception {
    return HeraldProcess.column(database, "SELECT provider_message_id FROM messaging_delivery");
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (herald != null) {
      herald.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (database != null) {
      database.close();
    }
  }
}
