package io.herald.bench.segments;

import io.herald.bench.support.KeepAliveHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.apache.hc.core5.http.ClassicHttpRequest;

/**
 * The calls the benchmark makes to Herald: App API segments (Bearer), and the request builders of
 * the Track API (Basic site id and key) and Pipelines (Basic write key) for the load phases.
 */
final class HeraldApi {

  static final String SITE_ID = "benchsite";
  static final String TRACK_KEY = "bench-track-key-0123456789";
  static final String APP_KEY = "bench-app-key-0123456789";
  static final String WRITE_KEY = "bench-write-key-0123456789";

  /** How often a segment's state is read while waiting for its build. */
  static final Duration POLL = Duration.ofMillis(20);

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  HeraldApi(int port) {
    this.base = "http://127.0.0.1:" + port + "/";
  }

  /**
   * Creates a data-driven segment through {@code POST /v1/segments}; returns its id.
   *
   * @param conditionJson the condition tree ({@code {"and":[…]}}, a leaf, …)
   */
  long createDataSegment(String name, String conditionJson)
      throws IOException, InterruptedException {
    String body =
        "{\"segment\":{\"name\":\""
            + name
            + "\",\"type\":\"dynamic\",\"conditions\":{\"version\":1,\"condition\":"
            + conditionJson
            + "}}}";
    HttpResponse<String> response = send(app("v1/segments").POST(publisher(body)).build());
    if (response.statusCode() != 200 && response.statusCode() != 201) {
      throw new IllegalStateException(
          "POST /v1/segments for "
              + name
              + " answered "
              + response.statusCode()
              + ": "
              + response.body()
              + "\n  condition: "
              + conditionJson);
    }
    return segment(response.body()).getJsonNumber("id").longValue();
  }

  /** The segment's {@code state} ({@code finished} once built). */
  String state(long segmentId) throws IOException, InterruptedException {
    HttpResponse<String> response = send(app("v1/segments/" + segmentId).GET().build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET /v1/segments/"
              + segmentId
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    JsonObject segment = segment(response.body());
    JsonValue state = segment.get("state");
    return state instanceof jakarta.json.JsonString s ? s.getString() : String.valueOf(state);
  }

  /**
   * Polls the segment every {@link #POLL} until its state is {@code finished}; returns the nanoTime
   * it was first seen finished.
   */
  long awaitBuilt(long segmentId, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String state = state(segmentId);
      long seen = System.nanoTime();
      if ("finished".equals(state)) {
        return seen;
      }
      if ("failed".equals(state) || seen > deadline) {
        throw new IllegalStateException(
            "segment " + segmentId + " is " + state + " after " + timeout.toSeconds() + " s");
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** {@code DELETE /v1/segments/{id}}. */
  void deleteSegment(long segmentId) throws IOException, InterruptedException {
    HttpResponse<String> response = send(app("v1/segments/" + segmentId).DELETE().build());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "DELETE /v1/segments/" + segmentId + " answered " + response.statusCode());
    }
  }

  /** {@code GET /v1/segments/{id}/customer_count}. */
  long count(long segmentId) throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(app("v1/segments/" + segmentId + "/customer_count").GET().build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "customer_count of "
              + segmentId
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return read(response.body()).getJsonNumber("count").longValue();
  }

  /** A Track v1 event for the person whose id is {@code customerId}. */
  ClassicHttpRequest trackEvent(String customerId, String body) {
    return KeepAliveHttp.post(
        base + "api/v1/customers/" + customerId + "/events",
        basic(SITE_ID + ":" + TRACK_KEY),
        body);
  }

  /** A Pipelines {@code /v1/batch} call. */
  ClassicHttpRequest pipelinesBatch(String body) {
    return KeepAliveHttp.post(base + "v1/batch", basic(WRITE_KEY + ":"), body);
  }

  private HttpRequest.Builder app(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + APP_KEY)
        .header("Content-Type", "application/json")
        .timeout(Duration.ofMinutes(10));
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject segment(String body) {
    JsonObject json = read(body);
    return json.containsKey("segment") ? json.getJsonObject("segment") : json;
  }

  private static JsonObject read(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  private static HttpRequest.BodyPublisher publisher(String body) {
    return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
  }

  private static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
