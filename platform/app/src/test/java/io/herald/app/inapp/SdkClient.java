package io.herald.app.inapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.app.it.ItConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Calls the in-app SDK endpoints as the JavaScript SDK does from a browser page: the site id and
 * the person's token as headers, an {@code Origin}, JSON bodies.
 */
final class SdkClient {

  static final String ORIGIN = "https://shop.example.com";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  SdkClient(URL base) {
    String b = base.toString();
    this.base = b.endsWith("/") ? b : b + "/";
  }

  /** An answer: status, headers and body. */
  record Reply(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  HttpRequest.Builder request(String path, String siteId, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(40))
            .header("Origin", ORIGIN);
    if (siteId != null) {
      b.header("X-Herald-Site-Id", siteId);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  Reply poll(String siteId, String token, int wait) {
    return send(request("sdk/v1/inapp/messages?wait=" + wait, siteId, token).GET());
  }

  CompletableFuture<Reply> pollAsync(String siteId, String token, int wait) {
    return client
        .sendAsync(
            request("sdk/v1/inapp/messages?wait=" + wait, siteId, token).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .thenApply(r -> new Reply(r.statusCode(), r.body(), r));
  }

  /** Opens the event stream as EventSource does: site id and token in the URL. */
  CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> stream(
      String siteId, String token) {
    return client.sendAsync(
        HttpRequest.newBuilder(
                URI.create(base + "sdk/v1/inapp/stream?site_id=" + siteId + "&token=" + token))
            .header("Accept", "text/event-stream")
            .header("Origin", ORIGIN)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofLines());
  }

  Reply event(String siteId, String token, String messageId, String body) {
    return send(
        request("sdk/v1/inapp/messages/" + messageId + "/events", siteId, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(r.statusCode(), r.body(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Reply method(String path, String method, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(b::header);
    return send(b);
  }

  /**
   * A token as the module's README documents it: {@code v1.<base64url(cio_id)>.<expires>.<sig>},
   * sig = base64url(HMAC-SHA256(key, "inapp-sdk-token:v1:<workspace>:<cio_id>:<expires>")), key =
   * HMAC-SHA256(secret key, "herald:inapp.sdk-token").
   */
  static String documentedToken(long workspaceId, String cioId, long expires) {
    try {
      byte[] secret =
          Base64.getDecoder()
              .decode(Files.readString(ItConfig.dataDir().resolve("secret.key")).trim());
      Mac derive = Mac.getInstance("HmacSHA256");
      derive.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] key = derive.doFinal("herald:inapp.sdk-token".getBytes(StandardCharsets.UTF_8));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      String sig =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  mac.doFinal(
                      ("inapp-sdk-token:v1:" + workspaceId + ":" + cioId + ":" + expires)
                          .getBytes(StandardCharsets.UTF_8)));
      String person =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(cioId.getBytes(StandardCharsets.UTF_8));
      return "v1." + person + "." + expires + "." + sig;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
