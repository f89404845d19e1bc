package io.herald.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for container tests, speaking to Herald as the official SDKs do. */
public final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1) // as the official SDKs (Node fetch) speak
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  /** A client for the deployment at {@code base} (ends with a slash). */
  public Http(URL base) {
    String b = base.toString();
    this.base = b.endsWith("/") ? b : b + "/";
  }

  /** An answer: status and body. */
  public record Answer(int status, String body, HttpResponse<String> raw) {
    /** The body as JSON. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public static String bearer(String key) {
    return "Bearer " + key;
  }

  /** The Track API credentials the container was bootstrapped with. */
  public static String track() {
    return basic(ItConfig.siteId(), ItConfig.trackApiKey());
  }

  /** The App API key the container was bootstrapped with. */
  public static String app() {
    return bearer(ItConfig.appApiKey());
  }

  public Answer get(String path, String authorization) {
    return send(builder(path, authorization).GET());
  }

  public Answer put(String path, String authorization, String body) {
    return send(builder(path, authorization).PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer put(String path, String authorization, byte[] body) {
    return send(builder(path, authorization).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Answer delete(String path, String authorization) {
    return send(builder(path, authorization).DELETE());
  }

  public Answer post(String path, String authorization, String body) {
    return send(builder(path, authorization).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder builder(String path, String authorization) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + (path.startsWith("/") ? path.substring(1) : path)))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("User-Agent", "Customer.io Node Client/5.2.0");
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
