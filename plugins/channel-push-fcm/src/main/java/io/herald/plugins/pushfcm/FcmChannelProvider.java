package io.herald.plugins.pushfcm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import io.herald.plugins.pushsupport.StreamGate;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Firebase project: builds each message's FCM JSON, sends it with a cached access token, and
 * maps FCM's answer to a {@link DeliveryResult}. A 401 that a fresh token may cure is retried once
 * with a new token inside the same send. Safe for concurrent sends.
 */
final class FcmChannelProvider implements ChannelProvider {

  /** Sends in flight at once; FCM's HTTP/2 servers allow 100 concurrent streams. */
  static final int MAX_IN_FLIGHT = 64;

  private final FcmSettings settings;
  private final ChannelPluginContext context;
  private final ObjectMapper mapper;
  private final ExecutorService executor;
  private final HttpClient http;
  private final AccessTokens tokens;
  private final FcmMessages messages;
  private final StreamGate gate = new StreamGate(MAX_IN_FLIGHT, MAX_IN_FLIGHT);
  private final AtomicBoolean closed = new AtomicBoolean();

  FcmChannelProvider(FcmSettings settings, ChannelPluginContext context, ObjectMapper mapper) {
    this.settings = settings;
    this.context = context;
    this.mapper = mapper;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "herald-push-fcm-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor)
            .build();
    this.tokens = new AccessTokens(settings, http, context.clock(), mapper, context.logger());
    this.messages = new FcmMessages(mapper);
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    if (closed.get()) {
      return DeliveryResult.permanent("provider is closed");
    }
    if (message.recipient().isBlank()) {
      return DeliveryResult.permanent("recipient: no FCM registration token");
    }
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(messages.body(message));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return DeliveryResult.permanent(
          "message could not be written as FCM JSON: " + e.getClass().getSimpleName());
    }
    try {
      String token = tokens.get();
      HttpResponse<String> response = post(body, token);
      if (response.statusCode() == 401
          && FcmErrors.ErrorAnswer.read(401, readTree(response.body())).staleAccessToken()) {
        context
            .logger()
            .log(
                Level.INFO,
                "message {0}: FCM refused the access token, fetching a new one",
                message.idempotencyKey());
        tokens.invalidate(token);
        response = post(body, tokens.get());
      }
      return outcome(message, response);
    } catch (TokenFailure e) {
      return logged(message, e.result());
    } catch (IOException e) {
      return logged(
          message,
          DeliveryResult.retryable(
              "FCM request failed: " + AccessTokens.describe(e), FcmErrors.DEFAULT_RETRY));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryResult.retryable("interrupted", Duration.ZERO);
    }
  }

  private HttpResponse<String> post(byte[] body, String token)
      throws IOException, InterruptedException {
    if (!gate.enter(settings.timeout())) {
      throw new HttpTimeoutException("no free HTTP/2 stream to FCM");
    }
    boolean answered = false;
    try {
      HttpResponse<String> response = exchange(body, token);
      answered = true;
      return response;
    } finally {
      gate.leave(answered);
    }
  }

  private HttpResponse<String> exchange(byte[] body, String token)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(settings.sendUrl())
            .timeout(settings.timeout())
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json; charset=UTF-8")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private DeliveryResult outcome(OutboundMessage message, HttpResponse<String> response) {
    JsonNode body = readTree(response.body());
    if (response.statusCode() == 200) {
      // Success: {"name":"projects/{project_id}/messages/{message_id}"}.
      String name = body.path("name").asText("");
      if (name.isBlank()) {
        return logged(
            message,
            DeliveryResult.retryable(
                "FCM answered 200 without a message name", FcmErrors.DEFAULT_RETRY));
      }
      return DeliveryResult.accepted(name);
    }
    FcmErrors.ErrorAnswer error = FcmErrors.ErrorAnswer.read(response.statusCode(), body);
    return logged(message, FcmErrors.result(error, response.headers(), context.clock().instant()));
  }

  private DeliveryResult logged(OutboundMessage message, DeliveryResult result) {
    context
        .logger()
        .log(
            result instanceof DeliveryResult.RetryableFailure
                    || result instanceof DeliveryResult.RateLimited
                ? Level.WARNING
                : Level.INFO,
            "message {0} not sent: {1}",
            message.idempotencyKey(),
            result);
    return result;
  }

  private JsonNode readTree(String text) {
    try {
      JsonNode node = mapper.readTree(text == null ? "" : text);
      return node == null ? mapper.createObjectNode() : node;
    } catch (JsonProcessingException e) {
      return mapper.createObjectNode();
    }
  }

  /** UP when an access token can be had (cached or fetched), else DOWN with the reason. */
  @Override
  public ProviderHealth health() {
    if (closed.get()) {
      return ProviderHealth.down("provider is closed");
    }
    try {
      tokens.get();
      return ProviderHealth.up(
          "authorized for FCM project "
              + settings.account().projectId()
              + " as "
              + settings.account().clientEmail());
    } catch (TokenFailure e) {
      return ProviderHealth.down(e.getMessage());
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      executor.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "FcmChannelProvider[" + settings.account() + ", " + settings.baseUrl() + "]";
  }
}
