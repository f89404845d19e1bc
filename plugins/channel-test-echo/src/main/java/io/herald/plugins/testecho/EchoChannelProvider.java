package io.herald.plugins.testecho;

import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.DeliveryResult;
import io.herald.plugin.api.OutboundMessage;
import io.herald.plugin.api.ProviderHealth;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** A configured echo provider; safe for concurrent sends. */
final class EchoChannelProvider implements ChannelProvider {

  private final String prefix;
  private final long failEvery;
  private final String token;
  private final ChannelPluginContext context;
  private final AtomicLong sends = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();

  EchoChannelProvider(String prefix, long failEvery, String token, ChannelPluginContext context) {
    this.prefix = prefix;
    this.failEvery = failEvery;
    this.token = token;
    this.context = context;
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    if (closed.get()) {
      return DeliveryResult.permanent("provider is closed");
    }
    long n = sends.incrementAndGet();
    if (failEvery > 0 && n % failEvery == 0) {
      context.logger().log(Level.DEBUG, "echo send #{0} fails on purpose", n);
      return DeliveryResult.retryable("echo fails every " + failEvery + " sends", Duration.ZERO);
    }
    context.logger().log(Level.DEBUG, "echo send #{0}: {1}", n, message.idempotencyKey());
    return DeliveryResult.accepted(prefix + message.idempotencyKey());
  }

  @Override
  public ProviderHealth health() {
    if (closed.get()) {
      return ProviderHealth.down("closed");
    }
    return ProviderHealth.up(token.isEmpty() ? "echo" : "echo, token set");
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      context.logger().log(Level.DEBUG, "echo provider closed after {0} sends", sends.get());
    }
  }

  @Override
  public String toString() {
    return "EchoChannelProvider[prefix=" + prefix + ", failEvery=" + failEvery + "]";
  }
}
