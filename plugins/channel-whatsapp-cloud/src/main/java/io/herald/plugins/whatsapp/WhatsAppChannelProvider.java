package io.herald.plugins.whatsapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.plugin.api.CallbackResult;
import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.InboundCallback;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends through Meta's Cloud API with the JDK's HTTP client (HTTP/2 where the server offers it) and
 * reads the phone number's webhook. Safe for concurrent sends.
 */
final class WhatsAppChannelProvider implements ChannelProvider {

  private final WhatsAppSettings settings;
  private final System.Logger log;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http;
  private final WhatsAppResponses responses;
  private final WhatsAppWebhook webhook;
  private final AtomicBoolean closed = new AtomicBoolean();

  WhatsAppChannelProvider(WhatsAppSettings settings, ChannelPluginContext context) {
    this.settings = settings;
    this.log = context.logger();
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.responses = new WhatsAppResponses(json, context.clock());
    this.webhook = new WhatsAppWebhook(settings, json, context.clock());
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    if (closed.get()) {
      return DeliveryResult.permanent("the WhatsApp channel was closed");
    }
    String body;
    try {
      Map<String, Object> request = WhatsAppRequests.body(message);
      body = json.writeValueAsString(request);
    } catch (InvalidMessageException e) {
      log.log(
          Level.WARNING, "whatsapp {0}: not sent: {1}", message.idempotencyKey(), e.getMessage());
      return DeliveryResult.permanent(e.getMessage());
    } catch (JsonProcessingException e) {
      return DeliveryResult.permanent("payload: cannot be written as JSON");
    }
    HttpRequest request =
        HttpRequest.newBuilder(settings.messagesUri())
            .timeout(settings.timeout())
            .header("Authorization", "Bearer " + settings.accessToken())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      DeliveryResult result = responses.result(response);
      log.log(
          result instanceof DeliveryResult.Accepted ? Level.DEBUG : Level.WARNING,
          "whatsapp {0}: HTTP {1} -> {2}",
          message.idempotencyKey(),
          response.statusCode(),
          result.getClass().getSimpleName());
      return result;
    } catch (HttpTimeoutException e) {
      return retry(
          message, "no answer from the Graph API within " + settings.timeout().toSeconds() + " s");
    } catch (IOException e) {
      return retry(
          message,
          "call to the Graph API failed: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return retry(message, "interrupted while calling the Graph API");
    }
  }

  private DeliveryResult retry(OutboundMessage message, String reason) {
    log.log(Level.WARNING, "whatsapp {0}: {1}", message.idempotencyKey(), reason);
    return DeliveryResult.retryable(reason, WhatsAppResponses.DEFAULT_RETRY_DELAY);
  }

  @Override
  public CallbackResult handleCallback(InboundCallback callback) {
    try {
      CallbackResult result = webhook.handle(callback);
      if (!result.handled()) {
        log.log(
            Level.WARNING, "whatsapp webhook refused ({0}): {1}", result.status(), result.body());
      }
      return result;
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "whatsapp webhook could not be read: {0}", e.getClass().getName());
      return CallbackResult.rejected(400, "the notification could not be read");
    }
  }

  @Override
  public ProviderHealth health() {
    if (closed.get()) {
      return ProviderHealth.down("closed");
    }
    return ProviderHealth.up(
        "configured for phone number ID "
            + settings.phoneNumberId()
            + " at "
            + settings.messagesUri().getHost()
            + (settings.appSecret().isPresent() ? "" : "; webhooks refused (no app_secret)"));
  }

  @Override
  public void close() {
    closed.set(true);
  }

  @Override
  public String toString() {
    return "WhatsAppChannelProvider[" + settings + "]";
  }
}
