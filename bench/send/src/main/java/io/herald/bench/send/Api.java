package io.herald.bench.send;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/** Herald's HTTP APIs as the benchmark calls them (App API bearer key, Track API Basic). */
final class Api {

  static final String SITE_ID = "benchsite";
  static final String TRACK_KEY = "bench-track-key-0123456789";
  static final String APP_KEY = "bench-app-key-0123456789";
  static final String WRITE_KEY = "bench-write-key-0123456789";

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  Api(int port) {
    this.base = "http://127.0.0.1:" + port + "/";
  }

  /** {@code PUT /v1/channel_settings/bench}: the default email channel at the sink. */
  void channel(int sinkPort, int connections, String rateLimitJson) throws Exception {
    String body =
        "{\"channel\":\"email\",\"provider\":\"email-smtp\",\"default\":true,\"settings\":{"
            + "\"host\":\"127.0.0.1\",\"port\":\""
            + sinkPort
            + "\",\"security\":\"none\",\"default_from\":\"Bench <bench@herald.test>\","
            + "\"pool_size\":\""
            + connections
            + "\"}"
            + (rateLimitJson == null ? "" : ",\"rate_limit\":" + rateLimitJson)
            + "}";
    expect(200, send(app("v1/channel_settings/bench").PUT(body(body))), "channel setting");
  }

  /** {@code POST /v1/transactional} with the benchmark's template, trigger name {@code bench}. */
  void template() throws Exception {
    String body =
        "{\"name\":\"Bench\",\"trigger_name\":\"bench\",\"from\":\"Bench <bench@herald.test>\","
            + "\"subject\":"
            + quote(Template.SUBJECT)
            + ",\"body\":"
            + quote(Template.BODY)
            + "}";
    expect(201, send(app("v1/transactional").POST(body(body))), "transactional message");
  }

  /** People {@code from} to {@code to - 1} through the Track API's v2 batch. */
  void people(int from, int to) throws Exception {
    StringBuilder b = new StringBuilder("{\"batch\":[");
    for (int n = from; n < to; n++) {
      b.append(n == from ? "" : ",")
          .append("{\"type\":\"person\",\"action\":\"identify\",\"identifiers\":{\"id\":\"p")
          .append(n)
          .append("\"},\"attributes\":{\"email\":\"p")
          .append(n)
          .append("@bench.test\",\"first_name\":\"")
          .append(Template.firstName(n))
          .append("\",\"plan\":\"")
          .append(Template.plan(n))
          .append("\"}}");
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "api/v2/batch"))
            .header("Authorization", basic(SITE_ID, TRACK_KEY))
            .header("Content-Type", "application/json")
            .POST(body(b.append("]}").toString()));
    expect(200, send(request), "people");
  }

  /** One entry of a send: message {@code n} to its person, tagged {@code X-Bench: tag}. */
  static String entry(int n, int people, String tag) {
    return "{\"transactional_message_id\":\"bench\",\"identifiers\":{\"id\":\"p"
        + Template.person(n, people)
        + "\"},\"message_data\":"
        + Template.messageData(n)
        + ",\"headers\":{\"X-Bench\":\""
        + tag
        + "\"}}";
  }

  /** {@code POST /v1/send/email/batch}; the count of entries refused (0 expected). */
  int batch(String entriesJson) throws Exception {
    HttpResponse<String> r =
        send(app("v1/send/email/batch").POST(body("{\"messages\":[" + entriesJson + "]}")));
    expect(200, r, "batch");
    int errors = 0;
    for (int i = r.body().indexOf("\"error\""); i >= 0; i = r.body().indexOf("\"error\"", i + 1)) {
      errors++;
    }
    return errors;
  }

  /** {@code POST /v1/send/email}, asynchronously. */
  CompletableFuture<HttpResponse<String>> sendAsync(String entryJson) {
    return http.sendAsync(
        app("v1/send/email").POST(body(entryJson)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder app(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofMinutes(10))
        .header("Authorization", "Bearer " + APP_KEY)
        .header("Content-Type", "application/json");
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void expect(int status, HttpResponse<String> r, String what) {
    if (r.statusCode() != status) {
      throw new IllegalStateException(
          what
              + ": "
              + r.request().method()
              + " "
              + r.uri()
              + " answered "
              + r.statusCode()
              + ": "
              + abbreviate(r.body()));
    }
  }

  static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON string literal (the template has no control characters). */
  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
