package io.herald.plugins.pushapns;

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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * One app topic on APNs: builds each notification, sends it over HTTP/2 with the current provider
 * token, and maps APNs' answer to a {@link DeliveryResult}. A 403 {@code ExpiredProviderToken} is
 * retried once with a newly signed token inside the same send. Safe for concurrent sends; the JDK
 * client multiplexes them over its HTTP/2 connection.
 */
final class ApnsChannelProvider implements ChannelProvider {

  /** Apple's limit for a regular notification payload. */
  static final int MAX_PAYLOAD_BYTES = 4096;

  /** Requests in flight once APNs has answered once (it allows up to 1000 streams then). */
  static final int MAX_IN_FLIGHT = 500;

  private static final Pattern DEVICE_TOKEN = Pattern.compile("[0-9A-Fa-f]{16,200}");

  private final ApnsSettings settings;
  private final ChannelPluginContext context;
  private final ObjectMapper mapper;
  private final ExecutorService executor;
  private final HttpClient http;
  private final ProviderTokens tokens;
  private final ApnsPayloads payloads;
  private final StreamGate gate = new StreamGate(1, MAX_IN_FLIGHT);
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile String authProblem;

  ApnsChannelProvider(
      ApnsSettings settings,
      ChannelPluginContext context,
      ObjectMapper mapper,
      Optional<SSLContext> tls) {
    this.settings = settings;
    this.context = context;
    this.mapper = mapper;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "herald-push-apns-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_2)
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor);
    tls.ifPresent(builder::sslContext);
    this.http = builder.build();
    this.tokens = new ProviderTokens(settings, context.clock(), mapper, context.logger());
    this.payloads = new ApnsPayloads(mapper);
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    if (closed.get()) {
      return DeliveryResult.permanent("provider is closed");
    }
    if (!DEVICE_TOKEN.matcher(message.recipient()).matches()) {
      // Permanent, not invalidRecipient: a token of another channel (FCM) routed here by mistake
      // must not make the host forget the device.
      return logged(message, DeliveryResult.permanent("recipient: not an APNs device token (hex)"));
    }
    ApnsPayloads.Request request;
    byte[] body;
    try {
      request = payloads.request(message);
      body = mapper.writeValueAsBytes(request.payload());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return DeliveryResult.permanent(
          "message could not be written as APNs JSON: " + e.getClass().getSimpleName());
    }
    if (body.length > MAX_PAYLOAD_BYTES) {
      return logged(
          message,
          DeliveryResult.permanent(
              "payload is " + body.length + " bytes; APNs allows " + MAX_PAYLOAD_BYTES));
    }
    String apnsId =
        UUID.nameUUIDFromBytes(message.idempotencyKey().getBytes(StandardCharsets.UTF_8))
            .toString();
    try {
      String token = tokens.get();
      HttpResponse<String> response = post(message, request, body, apnsId, token);
      if (response.statusCode() == 403 && reasonOf(response).equals("ExpiredProviderToken")) {
        context
            .logger()
            .log(
                Level.INFO,
                "message {0}: APNs called the provider token expired, signing a new one",
                message.idempotencyKey());
        tokens.invalidate(token);
        response = post(message, request, body, apnsId, tokens.get());
      }
      return outcome(message, response, apnsId);
    } catch (HttpTimeoutException e) {
      return logged(
          message, DeliveryResult.retryable("APNs request timed out", ApnsErrors.DEFAULT_RETRY));
    } catch (IOException e) {
      return logged(
          message,
          DeliveryResult.retryable(
              "APNs request failed: " + e.getClass().getSimpleName(), ApnsErrors.DEFAULT_RETRY));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryResult.retryable("interrupted", Duration.ZERO);
    }
  }

  private HttpResponse<String> post(
      OutboundMessage message,
      ApnsPayloads.Request request,
      byte[] body,
      String apnsId,
      String token)
      throws IOException, InterruptedException {
    if (!gate.enter(settings.timeout())) {
      throw new HttpTimeoutException("no free HTTP/2 stream to APNs");
    }
    boolean answered = false;
    try {
      HttpResponse<String> response = exchange(message, request, body, apnsId, token);
      answered = true;
      return response;
    } finally {
      gate.leave(answered);
    }
  }

  private HttpResponse<String> exchange(
      OutboundMessage message,
      ApnsPayloads.Request request,
      byte[] body,
      String apnsId,
      String token)
      throws IOException, InterruptedException {
    long expiration =
        settings.expiration().isZero()
            ? 0
            : context.clock().instant().plus(settings.expiration()).getEpochSecond();
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(settings.deviceUrl(message.recipient()))
            .timeout(settings.timeout())
            .header("authorization", "bearer " + token)
            .header("apns-id", apnsId)
            .header("apns-topic", settings.topic())
            .header("apns-push-type", request.pushType())
            .header("apns-priority", Integer.toString(request.priority()))
            .header("apns-expiration", Long.toString(expiration))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    request.collapseId().ifPresent(id -> builder.header("apns-collapse-id", id));
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private DeliveryResult outcome(
      OutboundMessage message, HttpResponse<String> response, String apnsId) {
    int status = response.statusCode();
    if (status == 200) {
      // Success: an empty body and the apns-id header (Apple echoes the one sent).
      authProblem = null;
      return DeliveryResult.accepted(response.headers().firstValue("apns-id").orElse(apnsId));
    }
    String reason = reasonOf(response);
    if (status == 403 && ApnsErrors.AUTH_REASONS.contains(reason)) {
      authProblem = ApnsErrors.reason(status, reason);
    }
    return logged(
        message, ApnsErrors.result(status, reason, response.headers(), context.clock().instant()));
  }

  private String reasonOf(HttpResponse<String> response) {
    try {
      JsonNode body = mapper.readTree(response.body() == null ? "" : response.body());
      return body == null ? "" : body.path("reason").asText("");
    } catch (JsonProcessingException e) {
      return "";
    }
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

  /**
   * APNs has no probe call: DOWN after APNs refused the provider token or key (until a send
   * succeeds again), else UP with the topic and environment.
   */
  @Override
  public ProviderHealth health() {
    if (closed.get()) {
      return ProviderHealth.down("provider is closed");
    }
    String problem = authProblem;
    if (problem != null) {
      return ProviderHealth.down("APNs refused the provider token: " + problem);
    }
    return ProviderHealth.up(
        "ready for topic " + settings.topic() + " (" + settings.environment() + ")");
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      executor.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "ApnsChannelProvider[" + settings + "]";
  }
}
