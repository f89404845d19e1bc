package io.herald.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.testing.TestDatabase;
import io.herald.testing.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code kill -9} of the Payara Micro process during a sustained Pipelines ingest loses no event
 * whose request was answered 200: the answer is sent only after the group commit.
 */
class CrashDurabilityIT {

  private static final String WRITE_KEY = "crash-write-key-0123456789";

  private HeraldProcess herald;
  private TestDatabase database;

  @Test
  void everyAcknowledgedEventSurvivesAKillDashNine() throws Exception {
    Path work =
        Path.of(System.getProperty("herald.test.work-dir")).resolve("crash-" + System.nanoTime());
    database = TestDatabases.embedded(work.resolve("mariadb"));
    herald = new HeraldProcess(work, database, Map.of("HERALD_BOOTSTRAP_WRITE_KEY", WRITE_KEY));
    herald.start();
    int port = herald.port();

    Set<String> acknowledged = Collections.synchronizedSet(new HashSet<>());
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong sequence = new AtomicLong();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
    ExecutorService clients = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      clients.submit(
          () -> {
            while (!stop.get()) {
              long first = sequence.getAndAdd(20);
              List<String> ids = new ArrayList<>();
              StringBuilder body = new StringBuilder("{\"batch\":[");
              for (long i = first; i < first + 20; i++) {
                String id = "crash-" + i;
                ids.add(id);
                body.append(i > first ? "," : "")
                    .append("{\"type\":\"track\",\"userId\":\"c")
                    .append(i % 50)
                    .append("\",\"event\":\"crash_test\",\"messageId\":\"")
                    .append(id)
                    .append("\"}");
              }
              body.append("]}");
              try {
                HttpResponse<String> response =
                    http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/batch"))
                            .header("Authorization", auth)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                  acknowledged.addAll(ids);
                }
              } catch (IOException e) {
                // the server died mid-request: this batch was never acknowledged
              } catch (InterruptedException e) {
                return;
              }
            }
          });
    }
    await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= 2_000);
    herald.killDashNine(); // SIGKILL, mid-ingest
    stop.set(true);
    clients.shutdown();
    assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

    Set<String> stored = storedIds();
    Set<String> lost = new HashSet<>(acknowledged);
    lost.removeAll(stored);
    System.out.printf(
        "[crash] %d events acknowledged before the kill, %d stored, %d lost%n",
        acknowledged.size(), stored.size(), lost.size());
    assertThat(lost).as("acknowledged but not stored").isEmpty();

    // And the node comes back on the same data.
    herald.start();
    HttpResponse<String> ready =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(200);
  }

  private Set<String> storedIds() throws Exception {
    return new HashSet<>(
        HeraldProcess.column(
            database, "SELECT dedupe_id FROM events_event WHERE name = 'crash_test'"));
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (herald != null) {
      herald.close();
    }
    if (database != null) {
      database.close();
    }
  }
}
