package io.herald.plugins.smstwilio;

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
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Sends SMS with Twilio's Messages API ({@code POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json}, form-encoded, HTTP Basic) and reads Twilio's
 * signed callbacks. One {@link HttpClient} per provider, shared by concurrent sends.
 */
final class TwilioSmsChannelProvider implements ChannelProvider {

  /** E.164: a plus, then 2 to 15 digits, the first not 0. */
  static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

  private final TwilioSettings settings;
  private final ChannelPluginContext context;
  private final HttpClient http;
  private final TwilioAnswers answers;
  private final TwilioCallbacks callbacks;
  private final AtomicBoolean closed = new AtomicBoolean();

  TwilioSmsChannelProvider(TwilioSettings settings, ChannelPluginContext context) {
    this.settings = settings;
    this.context = context;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.answers = new TwilioAnswers(context.clock());
    this.callbacks =
        new TwilioCallbacks(
            settings.authToken().map(TwilioSignature::new),
            settings.helpText(),
            settings.stopText(),
            context.clock(),
            context.logger());
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    if (closed.get()) {
      return DeliveryResult.retryable("the Twilio provider is closed", Duration.ZERO);
    }
    String to = message.recipient().trim();
    if (!E164.matcher(to).matches()) {
      return DeliveryResult.permanent(
          "the recipient is not an E.164 phone number (a + and 2 to 15 digits, e.g."
              + " +14155550100): "
              + abbreviated(to));
    }
    HttpRequest request =
        HttpRequest.newBuilder(settings.messagesUri())
            .timeout(settings.timeout())
            .header("Authorization", settings.authorization())
            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form(message, to).encode()))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      return DeliveryResult.retryable(
          "Twilio did not answer within " + settings.timeout().toMillis() + " ms", Duration.ZERO);
    } catch (IOException e) {
      return DeliveryResult.retryable(
          "could not reach Twilio at " + settings.baseUrl() + ": " + oneLine(e), Duration.ZERO);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryResult.retryable("interrupted while calling Twilio", Duration.ZERO);
    }
    DeliveryResult result =
        answers.of(
            response.statusCode(), response.body(), response.headers().firstValue("Retry-After"));
    if (!(result instanceof DeliveryResult.Accepted)) {
      context
          .logger()
          .log(
              Level.DEBUG,
              "Twilio send {0}: {1}",
              message.idempotencyKey(),
              result.getClass().getSimpleName());
    }
    return result;
  }

  /**
   * {@code To}, the sender, {@code Body} (the message's body, else its text part) and {@code
   * StatusCallback}. The sender is the message's own {@code from} when it has one (a messaging
   * service SID, else a number or sender ID), else the setting's messaging service, else its sender
   * number.
   */
  FormParams form(OutboundMessage message, String to) {
    FormParams form = FormParams.empty().add("To", to);
    String from = message.from().trim();
    if (from.isEmpty()) {
      if (!settings.messagingServiceSid().isEmpty()) {
        form.add("MessagingServiceSid", settings.messagingServiceSid());
      } else {
        form.add("From", settings.fromNumber());
      }
    } else if (TwilioSettings.SERVICE_SID_FORMAT.matcher(from).matches()) {
      form.add("MessagingServiceSid", from);
    } else {
      form.add("From", from);
    }
    form.add("Body", message.body().isEmpty() ? message.text() : message.body());
    if (!settings.statusCallbackUrl().isEmpty()) {
      form.add("StatusCallback", settings.statusCallbackUrl());
    }
    return form;
  }

  @Override
  public CallbackResult handleCallback(InboundCallback callback) {
    try {
      return callbacks.handle(callback);
    } catch (RuntimeException e) {
      context
          .logger()
          .log(Level.WARNING, "Twilio callback could not be read: {0}", e.getClass().getName());
      return CallbackResult.rejected(400, "the callback could not be read");
    }
  }

  /** Fetches the account ({@code GET …/Accounts/{AccountSid}.json}): checks the credentials. */
  @Override
  public ProviderHealth health() {
    if (closed.get()) {
      return ProviderHealth.down("closed");
    }
    HttpRequest request =
        HttpRequest.newBuilder(settings.accountUri())
            .timeout(settings.timeout())
            .header("Authorization", settings.authorization())
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      int status = response.statusCode();
      if (status == 200) {
        return ProviderHealth.up("Twilio account " + settings.accountSid() + " reachable");
      }
      if (status == 401 || status == 403) {
        return ProviderHealth.down(
            "Twilio refused the " + settings.credentialName() + " (HTTP " + status + ")");
      }
      return new ProviderHealth(
          ProviderHealth.Status.DEGRADED, "Twilio answered HTTP " + status + " for the account");
    } catch (IOException e) {
      return ProviderHealth.down("could not reach Twilio at " + settings.baseUrl());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProviderHealth.down("interrupted");
    }
  }

  @Override
  public void close() {
    closed.set(true);
  }

  /** No credential. */
  @Override
  public String toString() {
    return "TwilioSmsChannelProvider[" + settings + "]";
  }

  private static String abbreviated(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage();
    String text = e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    return text.replaceAll("\\s+", " ");
  }
}
