package io.herald.plugins.emailsmtp;

import io.herald.plugin.api.CallbackResult;
import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.InboundCallback;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * One SMTP server: composes each message, borrows a pooled connection, sends, and maps the server's
 * answer to a {@link DeliveryResult}. Safe for concurrent sends (up to {@code pool_size} at once;
 * further senders wait for a free connection; messages of the host's bulk lane use at most {@code
 * pool_size - 1}, so transactional mail never waits behind a broadcast). Its callback takes bounce
 * and complaint reports ({@link BounceIntake}).
 */
final class SmtpEmailChannelProvider implements ChannelProvider {

  private final SmtpSettings settings;
  private final Optional<DkimSettings> dkim;
  private final ChannelPluginContext context;
  private final MessageComposer composer;
  private final TransportPool pool;
  private final BounceIntake intake;

  SmtpEmailChannelProvider(
      SmtpSettings settings,
      Optional<DkimSettings> dkim,
      Optional<String> callbackSecret,
      ChannelPluginContext context) {
    this.settings = settings;
    this.intake = new BounceIntake(callbackSecret, context);
    this.dkim = dkim;
    this.context = context;
    Session session =
        ContextClassLoader.ofPlugin(() -> Session.getInstance(settings.sessionProperties()));
    this.composer = new MessageComposer(session, settings.defaultFrom(), dkim, context.clock());
    this.pool = new TransportPool(session, settings, context.clock(), context.logger());
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    if (pool.isClosed()) {
      return DeliveryResult.permanent("provider is closed");
    }
    return ContextClassLoader.ofPlugin(() -> sendWithPluginLoader(message));
  }

  private DeliveryResult sendWithPluginLoader(OutboundMessage message) {
    MessageComposer.Composed composed;
    try {
      composed = composer.compose(message);
    } catch (RejectedMessageException e) {
      context
          .logger()
          .log(Level.INFO, "message {0} refused: {1}", message.idempotencyKey(), e.getMessage());
      return DeliveryResult.permanent(e.getMessage());
    } catch (MessagingException | RuntimeException e) {
      context
          .logger()
          .log(
              Level.WARNING,
              "message {0} could not be built: {1}",
              message.idempotencyKey(),
              e.getClass().getSimpleName());
      return DeliveryResult.permanent(
          "message could not be built: " + e.getClass().getSimpleName());
    }
    TransportPool.Lease lease;
    try {
      // Host metadata lane (plugin API README): bulk sends leave one connection to the others.
      lease = pool.borrow("bulk".equals(message.metadata().get("lane")));
    } catch (IllegalStateException e) {
      return DeliveryResult.permanent("provider is closed");
    } catch (MessagingException e) {
      return failed(message, e);
    }
    try {
      lease.transport().sendMessage(composed.mime(), composed.recipients());
      lease.release();
      return DeliveryResult.accepted(composed.messageId());
    } catch (MessagingException | RuntimeException e) {
      lease.discard();
      return e instanceof MessagingException messaging
          ? failed(message, messaging)
          : DeliveryResult.retryable(
              "SMTP send failed: " + e.getClass().getSimpleName(), SmtpFailures.CONNECTION_RETRY);
    }
  }

  private DeliveryResult failed(OutboundMessage message, MessagingException e) {
    DeliveryResult result = SmtpFailures.toResult(e, settings.endpoint());
    String code = SmtpFailures.reply(e).map(r -> "SMTP " + r.code()).orElse("no SMTP reply");
    context
        .logger()
        .log(
            Level.WARNING,
            "message {0} not sent via {1}: {2} ({3})",
            message.idempotencyKey(),
            settings.endpoint(),
            result.getClass().getSimpleName(),
            code);
    return result;
  }

  /**
   * Bounce (DSN) and complaint (ARF) reports posted as RFC 822 messages; see {@link BounceIntake}.
   */
  @Override
  public CallbackResult handleCallback(InboundCallback callback) {
    return intake.handle(callback);
  }

  @Override
  public ProviderHealth health() {
    if (pool.isClosed()) {
      return ProviderHealth.down("closed");
    }
    return ContextClassLoader.ofPlugin(
        () -> {
          try {
            TransportPool.Lease lease = pool.borrow();
            lease.release();
            return ProviderHealth.up("connected to " + settings.endpoint());
          } catch (MessagingException | IllegalStateException e) {
            String reason =
                SmtpFailures.reply(e).map(r -> "SMTP " + r.text()).orElseGet(() -> oneLine(e));
            return ProviderHealth.down("cannot connect to " + settings.endpoint() + ": " + reason);
          }
        });
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("[\\r\\n]+", " ");
    return e.getClass().getSimpleName() + (message.isEmpty() ? "" : " (" + message + ")");
  }

  /** How many SMTP connections this provider has opened (for tests of pool reuse). */
  long connectionsOpened() {
    return pool.connectionsOpened();
  }

  @Override
  public void close() {
    if (!pool.isClosed()) {
      pool.close();
      context.logger().log(Level.DEBUG, "SMTP provider for {0} closed", settings.endpoint());
    }
  }

  @Override
  public String toString() {
    return "SmtpEmailChannelProvider[" + settings + (dkim.map(d -> ", " + d).orElse("")) + "]";
  }
}
