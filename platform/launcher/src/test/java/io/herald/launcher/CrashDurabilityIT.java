package io.herald.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.testing.TestDatabase;
import io.herald.testing.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

  private Process launcher;
  private TestDatabase database;

  @Test
  void everyAcknowledgedEventSurvivesAKillDashNine() throws Exception {
    Path work =
        Path.of(System.getProperty("herald.test.work-dir")).resolve("crash-" + System.nanoTime());
    database = TestDatabases.embedded(work.resolve("mariadb"));
    int port = freePort();
    start(work, port);

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
    ProcessHandle payara =
        launcher
            .descendants()
            .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro")).orElse(false))
            .findFirst()
            .orElseThrow();
    payara.destroyForcibly(); // SIGKILL, mid-ingest
    assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
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
    start(work, port);
    HttpResponse<String> ready =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(200);
  }

  private void start(Path work, int port) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                "java",
                "-jar",
                Path.of(System.getProperty("herald.dist.dir"))
                    .resolve("herald-launcher.jar")
                    .toString())
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("HERALD_"));
    env.put("HERALD_DATA_DIR", work.resolve("data").toString());
    env.put("HERALD_HTTP_PORT", Integer.toString(port));
    env.put("HERALD_JAVA_HEAP", "512m");
    env.put("HERALD_DB_URL", database.jdbcUrl());
    env.put("HERALD_DB_USER", database.user());
    env.put("HERALD_DB_PASSWORD", database.password());
    env.put("HERALD_BOOTSTRAP_WRITE_KEY", WRITE_KEY);
    launcher = builder.start();
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    Process process = launcher;
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // process ended
              }
            });
    pump.setDaemon(true);
    pump.start();
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(500))
        .failFast("Herald exited: " + lines, () -> !process.isAlive())
        .until(() -> lines.stream().anyMatch(l -> l.startsWith("herald: ready at")));
  }

  private Set<String> storedIds() throws Exception {
    Set<String> ids = new HashSet<>();
    try (Connection c =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        PreparedStatement q =
            c.prepareStatement("SELECT dedupe_id FROM events_event WHERE name = 'crash_test'");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (launcher != null && launcher.isAlive()) {
      launcher.destroy();
      if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
        launcher.descendants().forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly();
      }
    }
    if (database != null) {
      database.close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
