package io.herald.plugin.api;

/**
 * A configured connection to one delivery provider. Vendor errors are returned as {@link
 * DeliveryResult} values, never thrown. Implementations must be safe for concurrent {@link #send}
 * calls.
 */
public interface ChannelProvider extends AutoCloseable {

  /**
   * Hands one message to the provider. The host may call again with the same {@link
   * OutboundMessage#idempotencyKey()} after a crash or a retryable failure; pass the key to the
   * vendor where it supports idempotency.
   */
  DeliveryResult send(OutboundMessage message);

  /** Reports whether the provider can currently send; called by the host's health checks. */
  ProviderHealth health();

  /** Releases connections; called once. The default does nothing. */
  @Override
  default void close() {}
}
