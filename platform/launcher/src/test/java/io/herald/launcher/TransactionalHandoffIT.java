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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Transactional sends are handed to the transactional lane's sender as soon as their delivery row
 * is committed, not found by the sending loops' poll: with the poll a minute apart, every send
 * still reaches the mail server within seconds, also while a bulk batch is being sent over the same
 * channel setting (whose bulk loops cannot take the connection kept for the transactional lane).
 */
class TransactionalHandoffIT {

  private static final String APP_KEY = "handoff-app-key-0123456789abcdef";
  private static final Duration POLL = Duration.ofMinutes(1);

  /** Well before the poll: only the hand-off can have sent a mail this soon. */
  private static final Duration PROMPTLY = Duration.ofSeconds(20);

  private HeraldProcess herald;
  private TestDatabase database;
  private GreenMail smtp;
  private HttpClient http;

  @Test
  void transactionalSendsArriveLongBeforeThePollAlsoBesideABulkSend() throws Exception {
    Path work =
        Path.of(System.getProperty("herald.test.work-dir")).resolve("handoff-" + System.nanoTime());
    database = TestDatabases.embedded(work.resolve("mariadb"));
    int smtpPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      smtpPort = socket.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Map<String, String> env = new HashMap<>();
    env.put("HERALD_BOOTSTRAP_APP_API_KEY", APP_KEY);
    env.put("HERALD_MESSAGING_SENDER_IDLE_MILLIS", Long.toString(POLL.toMillis()));
    herald = new HeraldProcess(work, database, env);
    herald.start();
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    assertThat(
            call(
                "PUT",
                "v1/channel_settings/smtp",
                "{\"channel\":\"email\",\"provider\":\"email-smtp\",\"default\":true,"
                    + "\"settings\":{\"host\":\"127.0.0.1\",\"port\":\""
                    + smtpPort
                    + "\",\"security\":\"none\",\"pool_size\":\"2\","
                    + "\"default_from\":\"handoff@herald.test\"}}"))
        .isEqualTo(200);

    // One at a time, each awaited: every mail must come by the hand-off, not by a poll.
    for (int i = 0; i < 3; i++) {
      String subject = "Alone " + i;
      assertThat(call("POST", "v1/send/email", email("alone" + i, subject))).isEqualTo(200);
      await()
          .atMost(PROMPTLY)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> subjects().contains(subject));
    }

    // A bulk batch queued first, then transactional sends while it goes out.
    StringBuilder batch = new StringBuilder("{\"messages\":[");
    for (int i = 0; i < 300; i++) {
      batch.append(i == 0 ? "" : ",").append(email("bulk" + i, "Bulk " + i));
    }
    assertThat(call("POST", "v1/send/email/batch", batch.append("]}").toString())).isEqualTo(200);
    for (int i = 0; i < 3; i++) {
      String subject = "Beside bulk " + i;
      assertThat(call("POST", "v1/send/email", email("beside" + i, subject))).isEqualTo(200);
      await()
          .atMost(PROMPTLY)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> subjects().contains(subject));
    }
    // The bulk batch was woken too: it goes out without waiting for the poll either.
    await().atMost(PROMPTLY).until(() -> smtp.getReceivedMessages().length >= 306);
    // The bulk lane's sending loops run at the OS's lowest priority, as the launcher's JVM options
    // make them; request threads stay at the default.
    Map<Long, Integer> nice = herald.threadNiceValues();
    assertThat(nice.values()).contains(0);
    assertThat(nice.values().stream().filter(n -> n == 19).count())
        .as("threads at nice 19: the bulk sending loops")
        .isGreaterThanOrEqualTo(4);
  }

  private static String email(String who, String subject) {
    return "{\"identifiers\":{\"email\":\""
        + who
        + "@example.com\"},\"from\":\"handoff@herald.test\",\"subject\":\""
        + subject
        + "\",\"body\":\"<p>Hello "
        + who
        + "</p>\"}";
  }

  private List<String> subjects() throws Exception {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage mail : Arrays.asList(smtp.getReceivedMessages())) {
      subjects.add(mail.getSubject());
    }
    return subjects;
  }

  private int call(String method, String path, String body) throws Exception {
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
