package io.herald.plugins.devoutbox;

import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A configured outbox: checks each message, answers {@code accepted("<outbox-" + key + ">")} and
 * remembers it in an {@link Outbox}; sends nothing. Safe for concurrent sends.
 */
final class DevOutboxChannelProvider implements ChannelProvider {

  private final String defaultFrom;
  private final Outbox outbox;
  private final ChannelPluginContext context;
  private final AtomicBoolean closed = new AtomicBoolean();

  DevOutboxChannelProvider(String defaultFrom, int keep, ChannelPluginContext context) {
    this.defaultFrom = defaultFrom;
    this.outbox = new Outbox(keep);
    this.context = context;
  }

  /** The provider message id the outbox answers for {@code idempotencyKey}. */
  static String providerMessageId(String idempotencyKey) {
    return "<outbox-" + idempotencyKey + ">";
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    if (closed.get()) {
      return DeliveryResult.permanent("provider is closed");
    }
    Optional<String> problem = MessageChecks.problem(message);
    if (problem.isPresent()) {
      context
          .logger()
          .log(Level.DEBUG, "outbox refused {0}: {1}", message.idempotencyKey(), problem.get());
      return DeliveryResult.permanent(problem.get());
    }
    String id = providerMessageId(message.idempotencyKey());
    String from = message.from().isBlank() ? defaultFrom : message.from();
    EmailAddresses.Address recipient = EmailAddresses.parse(message.recipient()).orElseThrow();
    outbox.add(
        new Outbox.Entry(
            id,
            recipient.domain(),
            EmailAddresses.parse(from).map(EmailAddresses.Address::domain).orElse(""),
            context.clock().instant()));
    context.logger().log(Level.DEBUG, "outbox accepted {0}", id);
    return DeliveryResult.accepted(id);
  }

  /**
   * {@code UP} with the outbox's counts and latest message (id, domains and time: no addresses,
   * subjects or bodies), {@code DOWN} once closed.
   */
  @Override
  public ProviderHealth health() {
    if (closed.get()) {
      return ProviderHealth.down("closed");
    }
    return ProviderHealth.up(outbox.describe());
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      context
          .logger()
          .log(Level.DEBUG, "outbox closed after {0} accepted message(s)", outbox.accepted());
    }
  }

  @Override
  public String toString() {
    return "DevOutboxChannelProvider[keep=" + outbox.capacity() + "]";
  }
}
