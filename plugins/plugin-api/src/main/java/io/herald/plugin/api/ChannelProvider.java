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

  /**
   * Turns an HTTP callback from the provider (delivery reports, bounces, complaints, opens, clicks)
   * into delivery events. The host calls it for requests to the setting's callback URL ({@code
   * …/callbacks/{token}[/{subPath}]}), possibly from many threads at once. Check the caller
   * (signature, shared secret) here; answer {@link CallbackResult#rejected} when it fails. Never
   * throw for a malformed body (answer 400 or accept it with no events), and never log a secret or
   * a signature.
   *
   * <p>The default answers {@link CallbackResult#notHandled()}: a provider without callbacks needs
   * nothing.
   *
   * @param callback the request as the host received it
   * @return the answer and the events found
   * @since 1.2.0
   */
  default CallbackResult handleCallback(InboundCallback callback) {
    return CallbackResult.notHandled();
  }

  /** Releases connections; called once. The default does nothing. */
  @Override
  default void close() {}
}
