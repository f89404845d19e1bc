package io.herald.plugins.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Posts to Slack. The recipient chooses the mode: an incoming webhook URL (which must start with
 * the configured prefix), a channel ID or name for {@code chat.postMessage} with the bot token, or
 * nothing for the configured webhook URL (else the default channel). Safe for concurrent sends.
 */
final class SlackChannelProvider implements ChannelProvider {

  /** The most text Slack keeps in one message (chat.postMessage truncates beyond). */
  static final int MAX_TEXT = 40_000;

  private final SlackSettings settings;
  private final System.Logger log;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http;
  private final SlackAnswers answers;
  private final AtomicBoolean closed = new AtomicBoolean();

  SlackChannelProvider(SlackSettings settings, ChannelPluginContext context) {
    this.settings = settings;
    this.log = context.logger();
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.answers = new SlackAnswers(json, context.clock());
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    if (closed.get()) {
      return DeliveryResult.permanent("the Slack channel was closed");
    }
    String recipient = message.recipient().trim();
    Object blocks = message.payload().get("blocks");
    if (blocks != null && !(blocks instanceof List)) {
      return refuse(message, "blocks: must be a list of Block Kit blocks");
    }
    if (message.body().isBlank() && blocks == null) {
      return refuse(message, "body: a Slack message needs text or blocks");
    }
    if (message.body().length() > MAX_TEXT) {
      return refuse(message, "body: longer than the " + MAX_TEXT + " characters Slack keeps");
    }
    if (recipient.startsWith("https://") || recipient.startsWith("http://")) {
      if (!recipient.startsWith(settings.webhookPrefix())) {
        return refuse(
            message,
            "recipient: an incoming webhook URL must start with " + settings.webhookPrefix());
      }
      return viaWebhook(message, URI.create(recipient), blocks);
    }
    if (recipient.isEmpty() && settings.webhookUrl().isPresent()) {
      return viaWebhook(message, settings.webhookUrl().get(), blocks);
    }
    String channel = recipient.isEmpty() ? settings.defaultChannel().orElse("") : recipient;
    if (channel.isEmpty()) {
      return refuse(message, "recipient: no channel, and no webhook URL or default channel set");
    }
    if (settings.botToken().isEmpty()) {
      return refuse(message, "recipient: posting to a channel ID needs the bot_token setting");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("channel", channel);
    body.put("text", message.body());
    if (blocks != null) {
      body.put("blocks", blocks);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.postMessageUri())
            .header("Authorization", "Bearer " + settings.botToken().get());
    return call(message, request, body, false);
  }

  private DeliveryResult viaWebhook(OutboundMessage message, URI url, Object blocks) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", message.body());
    if (blocks != null) {
      body.put("blocks", blocks);
    }
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(url);
    } catch (IllegalArgumentException e) {
      return refuse(message, "recipient: not a valid webhook URL");
    }
    return call(message, request, body, true);
  }

  private DeliveryResult call(
      OutboundMessage message,
      HttpRequest.Builder request,
      Map<String, Object> body,
      boolean webhook) {
    String mode = webhook ? "incoming webhook" : "chat.postMessage";
    try {
      HttpRequest built =
          request
              .timeout(settings.timeout())
              .header("Content-Type", "application/json; charset=utf-8")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      json.writeValueAsString(body), StandardCharsets.UTF_8))
              .build();
      HttpResponse<String> response =
          http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      DeliveryResult result =
          webhook
              ? answers.webhook(message.idempotencyKey(), response)
              : answers.postMessage(response);
      log.log(
          result instanceof DeliveryResult.Accepted ? Level.DEBUG : Level.WARNING,
          "slack {0}: {1} HTTP {2} -> {3}",
          message.idempotencyKey(),
          mode,
          response.statusCode(),
          result.getClass().getSimpleName());
      return result;
    } catch (JsonProcessingException e) {
      return refuse(message, "blocks: cannot be written as JSON");
    } catch (HttpTimeoutException e) {
      return retry(
          message,
          "no answer from Slack (" + mode + ") within " + settings.timeout().toSeconds() + " s");
    } catch (IOException e) {
      return retry(
          message,
          "call to Slack ("
              + mode
              + ") failed: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return retry(message, "interrupted while calling Slack");
    }
  }

  /** A webhook URL is a credential: never let it into a reason or a log line. */
  private static String scrub(String text, HttpRequest.Builder request) {
    URI uri = request.copy().POST(HttpRequest.BodyPublishers.noBody()).build().uri();
    String scrubbed = text.replace(uri.toString(), "<url>");
    String path = uri.getRawPath();
    return path == null || path.length() < 2 ? scrubbed : scrubbed.replace(path, "<path>");
  }

  private DeliveryResult refuse(OutboundMessage message, String reason) {
    log.log(Level.WARNING, "slack {0}: not sent: {1}", message.idempotencyKey(), reason);
    return DeliveryResult.permanent(reason);
  }

  private DeliveryResult retry(OutboundMessage message, String reason) {
    log.log(Level.WARNING, "slack {0}: {1}", message.idempotencyKey(), reason);
    return DeliveryResult.retryable(reason, SlackAnswers.DEFAULT_RETRY_DELAY);
  }

  @Override
  public ProviderHealth health() {
    return closed.get() ? ProviderHealth.down("closed") : ProviderHealth.up(settings.toString());
  }

  @Override
  public void close() {
    closed.set(true);
  }

  @Override
  public String toString() {
    return "SlackChannelProvider[" + settings + "]";
  }
}
