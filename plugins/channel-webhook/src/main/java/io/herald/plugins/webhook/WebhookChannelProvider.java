package io.herald.plugins.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;

/**
 * Calls the message's URL. Resolves the host once, refuses the call when any address it resolves to
 * is not allowed by the {@link AddressPolicy}, and then connects to those checked addresses ({@link
 * PinnedHttpClient}), so a second lookup cannot lead elsewhere. Safe for concurrent sends.
 */
final class WebhookChannelProvider implements ChannelProvider {

  /** Resolves a host name to every address it has (the system resolver in production). */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** How much of an answer's body is read and kept. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private static final Duration DNS_RETRY = Duration.ofSeconds(60);

  private final WebhookSettings settings;
  private final System.Logger log;
  private final Resolver resolver;
  private final WebhookRequests requests;
  private final WebhookResponses responses;
  private final ScheduledExecutorService watchdog;
  private final PinnedHttpClient http;
  private final AtomicBoolean closed = new AtomicBoolean();

  WebhookChannelProvider(
      WebhookSettings settings,
      ChannelPluginContext context,
      Resolver resolver,
      SSLSocketFactory tls) {
    this.settings = settings;
    this.log = context.logger();
    this.resolver = resolver;
    ObjectMapper json = new ObjectMapper();
    this.requests = new WebhookRequests(json, settings.defaultTimeout());
    this.responses = new WebhookResponses(json, context.clock());
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "herald-webhook-timeouts");
              thread.setDaemon(true);
              return thread;
            });
    this.http = new PinnedHttpClient(tls, watchdog, MAX_BODY_BYTES);
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    if (closed.get()) {
      return DeliveryResult.permanent("the webhook channel was closed");
    }
    HttpRequest request;
    try {
      request = requests.build(message);
    } catch (InvalidMessageException e) {
      log.log(
          Level.WARNING, "webhook {0}: not sent: {1}", message.idempotencyKey(), e.getMessage());
      return DeliveryResult.permanent(e.getMessage());
    }
    String host = bareHost(request.uri().getHost());
    List<InetAddress> addresses;
    try {
      addresses = List.of(resolver.resolve(host));
    } catch (UnknownHostException e) {
      log.log(Level.WARNING, "webhook {0}: cannot resolve {1}", message.idempotencyKey(), host);
      return DeliveryResult.retryable("cannot resolve " + host, DNS_RETRY);
    }
    Optional<String> refusal = refusal(host, addresses);
    if (refusal.isPresent()) {
      log.log(Level.WARNING, "webhook {0}: {1}", message.idempotencyKey(), refusal.get());
      return DeliveryResult.permanent(refusal.get());
    }
    try {
      HttpResponse response = http.exchange(request, addresses);
      log.log(
          Level.DEBUG,
          "webhook {0}: {1} answered {2}",
          message.idempotencyKey(),
          request.endpoint(),
          response.status());
      return responses.result(message.idempotencyKey(), response);
    } catch (SocketTimeoutException e) {
      return failure(
          message,
          request,
          "no answer from "
              + request.endpoint()
              + " within "
              + request.timeout().toSeconds()
              + " s");
    } catch (SSLException e) {
      return failure(
          message, request, "TLS with " + request.endpoint() + " failed: " + e.getMessage());
    } catch (IOException e) {
      return failure(
          message, request, "call to " + request.endpoint() + " failed: " + e.getMessage());
    }
  }

  private DeliveryResult failure(OutboundMessage message, HttpRequest request, String reason) {
    log.log(Level.WARNING, "webhook {0}: {1}", message.idempotencyKey(), reason);
    return DeliveryResult.retryable(reason, WebhookResponses.DEFAULT_RETRY_DELAY);
  }

  /** Why the call is refused: the first address the policy does not allow. */
  private Optional<String> refusal(String host, List<InetAddress> addresses) {
    if (addresses.isEmpty()) {
      return Optional.of("refused: " + host + " resolves to no address");
    }
    for (InetAddress address : addresses) {
      Optional<String> kind = settings.policy().refusal(address);
      if (kind.isPresent()) {
        String ip = address.getHostAddress();
        String range = ip + (ip.contains(":") ? "/128" : "/32");
        return Optional.of(
            "refused: "
                + host
                + " resolves to "
                + kind.get()
                + " address "
                + ip
                + " (allow it with the channel setting "
                + WebhookSchema.ALLOWED_NETWORKS
                + ", e.g. "
                + range
                + ", or "
                + WebhookSchema.ALLOW_PRIVATE_NETWORKS
                + "=true)");
      }
    }
    return Optional.empty();
  }

  private static String bareHost(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  @Override
  public ProviderHealth health() {
    if (closed.get()) {
      return ProviderHealth.down("closed");
    }
    AddressPolicy policy = settings.policy();
    String guard =
        policy.allowPrivate()
            ? "private addresses allowed"
            : policy.allowed().isEmpty()
                ? "public addresses only"
                : "public addresses and " + policy.allowed();
    return ProviderHealth.up(
        "ready (" + guard + ", default timeout " + settings.defaultTimeout().toSeconds() + " s)");
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      watchdog.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "WebhookChannelProvider[" + health().detail() + "]";
  }
}
