package io.herald.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Quick start as a newcomer runs it: the built distribution started with no configuration
 * starts the embedded MariaDB, installs its bundled plugins, prints the first-start credentials
 * once, gets ready, serves the APIs with those credentials, sends transactional email through the
 * development outbox out of the box, and keeps its data across a restart.
 */
class QuickStartIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration READY_WITHIN = Duration.ofMinutes(4);
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private Process herald;

  @Test
  void startsWithNoSetupAndKeepsDataAcrossRestarts() throws Exception {
    Path dist = Path.of(System.getProperty("herald.dist.dir"));
    Path data =
        Path.of(System.getProperty("herald.test.work-dir")).resolve("data-" + System.nanoTime());
    int port = freePort();

    List<String> firstRun = start(dist, data, port);
    String output = String.join("\n", firstRun);
    String siteId = field(output, "Track API site id:");
    String trackKey = field(output, "Track API key:");
    String appKey = field(output, "App API key \\(Bearer\\):");
    assertThat(field(output, "Admin console login:")).isEqualTo("admin@herald.local");
    assertThat(field(output, "Admin password:")).hasSizeGreaterThanOrEqualTo(12);

    Path credentials = data.resolve("bootstrap-credentials.txt");
    assertThat(Files.getPosixFilePermissions(credentials))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(credentials)).contains(siteId, trackKey, appKey);

    String base = "http://127.0.0.1:" + port + "/";
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((siteId + ":" + trackKey).getBytes(StandardCharsets.UTF_8));
    assertThat(
            send(HttpRequest.newBuilder(URI.create(base + "api/v1/customers/quick-1"))
                    .header("Authorization", basic)
                    .header("Content-Type", "application/json")
                    .PUT(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"quick@example.com\",\"plan\":\"trial\"}")))
                .statusCode())
        .isEqualTo(200);
    String bearer = "Bearer " + appKey;
    assertBundledPluginsStarted(data, base, bearer, output);
    sendsEmailThroughTheDevOutbox(base, bearer);
    assertThat(
            send(HttpRequest.newBuilder(URI.create(base + "api/v1/customers/quick-1"))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder().encodeToString((siteId + ":wrong").getBytes()))
                    .PUT(HttpRequest.BodyPublishers.ofString("{}")))
                .statusCode())
        .isEqualTo(401);
    stop();

    List<String> secondRun = start(dist, data, port);
    assertThat(String.join("\n", secondRun))
        .doesNotContain("first start", trackKey, appKey, "installed plugin");
    HttpResponse<String> person =
        send(
            HttpRequest.newBuilder(URI.create(base + "v1/customers/quick-1/attributes"))
                .header("Authorization", "Bearer " + appKey));
    assertThat(person.statusCode()).as(person.body()).isEqualTo(200);
    JsonNode customer = JSON.readTree(person.body()).path("customer");
    assertThat(customer.at("/attributes/plan").asText()).isEqualTo("trial");
    assertThat(customer.at("/identifiers/email").asText()).isEqualTo("quick@example.com");
  }

  /**
   * The launcher installed the distribution's zips into the (default) plugins directory, and the
   * node started every one of them.
   */
  private void assertBundledPluginsStarted(Path data, String base, String bearer, String output)
      throws Exception {
    Path plugins = data.resolve("plugins");
    List<Path> zips;
    try (var bundled = Files.list(Path.of(System.getProperty("herald.dist.dir"), "plugins"))) {
      zips = bundled.filter(p -> p.getFileName().toString().endsWith(".zip")).toList();
    }
    List<String> ids =
        zips.stream()
            .map(z -> z.getFileName().toString().replaceFirst("-[0-9][^-]*(-SNAPSHOT)?\\.zip$", ""))
            .toList();
    assertThat(ids)
        .as("what the distribution ships")
        .contains(
            "channel-dev-outbox",
            "channel-email-smtp",
            "channel-push-fcm",
            "channel-push-apns",
            "channel-webhook",
            "channel-whatsapp-cloud",
            "channel-slack",
            "channel-sms-twilio")
        .doesNotContain("channel-test-echo", "channel-example-http-sms");
    for (int i = 0; i < zips.size(); i++) {
      assertThat(output).contains("herald: installed plugin " + ids.get(i));
      assertThat(plugins.resolve(zips.get(i).getFileName())).hasSameBinaryContentAs(zips.get(i));
    }
    HttpResponse<String> listed =
        send(
            HttpRequest.newBuilder(URI.create(base + "v1/plugins"))
                .header("Authorization", bearer));
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    assertThat(JSON.readTree(listed.body()).path("plugins"))
        .extracting(p -> p.path("id").asText() + " " + p.path("status").asText())
        .containsAll(ids.stream().map(id -> id + " STARTED").toList());
  }

  /**
   * The ready workspace's default email channel is the development outbox: a transactional email to
   * a person identified through the Track API is sent (and nothing leaves the machine).
   */
  private void sendsEmailThroughTheDevOutbox(String base, String bearer) throws Exception {
    HttpResponse<String> channels =
        send(
            HttpRequest.newBuilder(URI.create(base + "v1/channel_settings"))
                .header("Authorization", bearer));
    assertThat(channels.statusCode()).as(channels.body()).isEqualTo(200);
    JsonNode setting = JSON.readTree(channels.body()).path("channel_settings").path(0);
    assertThat(setting.path("name").asText()).isEqualTo("dev-outbox");
    assertThat(setting.path("provider").asText()).isEqualTo("dev-outbox");
    assertThat(setting.path("channel").asText()).isEqualTo("email");
    assertThat(setting.path("default").asBoolean()).isTrue();

    await("the person identified through the Track API")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () ->
                JSON.readTree(
                        send(HttpRequest.newBuilder(
                                    URI.create(base + "v1/customers/quick-1/attributes"))
                                .header("Authorization", bearer))
                            .body())
                    .at("/customer/identifiers/email")
                    .asText()
                    .equals("quick@example.com"));
    HttpResponse<String> queued =
        send(
            HttpRequest.newBuilder(URI.create(base + "v1/send/email"))
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"identifiers\":{\"id\":\"quick-1\"},"
                            + "\"from\":\"Quick Start <hello@example.com>\","
                            + "\"subject\":\"Welcome to the {{customer.plan}} plan\","
                            + "\"body\":\"<p>Hello {{customer.email}}</p>\"}")));
    assertThat(queued.statusCode()).as(queued.body()).isEqualTo(200);
    String deliveryId = JSON.readTree(queued.body()).path("delivery_id").asText();
    assertThat(deliveryId).isNotBlank();

    JsonNode message =
        await("delivery " + deliveryId + " sent")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> {
                  HttpResponse<String> r =
                      send(
                          HttpRequest.newBuilder(URI.create(base + "v1/messages/" + deliveryId))
                              .header("Authorization", bearer));
                  return JSON.readTree(r.body()).path("message");
                },
                m -> m.path("state").asText().equals("sent"));
    assertThat(message.path("recipient").asText()).isEqualTo("quick@example.com");
    assertThat(message.path("subject").asText()).isEqualTo("Welcome to the trial plan");
    assertThat(message.path("provider_message_id").asText())
        .isEqualTo("<outbox-" + deliveryId + ">");
  }

  /** Starts the distribution and returns its output up to the launcher's "ready" line. */
  private List<String> start(Path dist, Path data, int port)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("java", "-jar", dist.resolve("herald-launcher.jar").toString())
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("HERALD_"));
    env.put("HERALD_DATA_DIR", data.toString());
    env.put("HERALD_HTTP_PORT", Integer.toString(port));
    env.put("HERALD_JAVA_HEAP", "512m");
    herald = builder.start();
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(
                      new InputStreamReader(herald.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                  lines.add(line);
                  System.out.println("[herald] " + line);
                }
              } catch (IOException e) {
                // process ended
              }
            });
    pump.setDaemon(true);
    pump.start();
    try {
      await()
          .atMost(READY_WITHIN)
          .pollInterval(Duration.ofMillis(500))
          .failFast("Herald exited", () -> !herald.isAlive())
          .until(
              // A copy (toArray holds the list's lock): streaming the synchronized list itself
              // while the pump adds to it throws ConcurrentModificationException.
              () ->
                  new ArrayList<>(lines)
                      .stream()
                          .anyMatch(
                              l -> l.startsWith("herald: ready at http://localhost:" + port)));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(notReady(port), e);
    }
    HttpResponse<String> ready =
        send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")));
    assertThat(ready.statusCode()).as("%s %s", ready.headers().map(), ready.body()).isEqualTo(200);
    return new ArrayList<>(lines);
  }

  /**
   * What a readiness timeout leaves behind for whoever reads the build log: the health document
   * (which check is down) and the threads of every Java process under the launcher.
   */
  private String notReady(int port) {
    StringBuilder why = new StringBuilder("Herald not ready within " + READY_WITHIN + ".\n");
    try {
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                  .timeout(Duration.ofSeconds(20))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      why.append("/health/ready answered ")
          .append(health.statusCode())
          .append(": ")
          .append(health.body())
          .append('\n');
    } catch (IOException e) {
      why.append("/health/ready: ").append(e).append('\n');
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    herald
        .descendants()
        // Payara Micro; not the embedded database's mariadbd, which jcmd cannot attach to
        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .forEach(
            p -> {
              try {
                Process jcmd =
                    new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                            Long.toString(p.pid()),
                            "Thread.print")
                        .redirectErrorStream(true)
                        .start();
                String dump = new String(jcmd.getInputStream().readAllBytes(), UTF_8);
                jcmd.waitFor(30, TimeUnit.SECONDS);
                System.out.println("[threads of " + p.pid() + "]\n" + dump);
              } catch (IOException e) {
                why.append("no thread dump of ").append(p.pid()).append(": ").append(e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    return why.toString();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (herald != null && herald.isAlive()) {
      herald.destroy();
      if (!herald.waitFor(90, TimeUnit.SECONDS)) {
        herald.destroyForcibly();
      }
    }
    herald = null;
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String field(String output, String label) {
    Matcher m = Pattern.compile(label + "\\s+(\\S+)").matcher(output);
    assertThat(m.find()).as("'" + label + "' in the first-start output").isTrue();
    return m.group(1);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
