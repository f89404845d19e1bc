package io.herald.plugin.api;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of {@link ChannelProvider#send}. Plugins construct these; the host decides what
 * happens next (record, retry later, give up, slow down).
 */
public sealed interface DeliveryResult
    permits DeliveryResult.Accepted,
        DeliveryResult.RetryableFailure,
        DeliveryResult.PermanentFailure,
        DeliveryResult.RateLimited,
        DeliveryResult.InvalidRecipient {

  /** The provider accepted the message. */
  static DeliveryResult accepted(String providerMessageId) {
    return new Accepted(providerMessageId);
  }

  /**
   * The provider accepted the message and answered something worth keeping: a webhook's status and
   * body fields, which journeys can branch on.
   *
   * @param providerMessageId the provider's id for the message
   * @param response the answer's fields, a JSON-like tree (see {@link OutboundMessage#payload()})
   * @return the result
   * @since 1.4.0
   */
  static DeliveryResult accepted(String providerMessageId, Map<String, ?> response) {
    return new Accepted(providerMessageId, JsonTree.copyObject(response, "response"));
  }

  /**
   * The recipient no longer exists at the provider: a push token that was unregistered, a number
   * that cannot receive the channel. The host fails the delivery without retrying and forgets the
   * address where it keeps one (a push token's device is removed from the person).
   *
   * @param reason the provider's words, without secrets
   * @return the result
   * @since 1.4.0
   */
  static DeliveryResult invalidRecipient(String reason) {
    return new InvalidRecipient(reason);
  }

  /** A transient failure; the host retries, no sooner than {@code retryAfter}. */
  static DeliveryResult retryable(String reason, Duration retryAfter) {
    return new RetryableFailure(reason, retryAfter);
  }

  /** A failure that retrying will not fix (bad address, rejected content). */
  static DeliveryResult permanent(String reason) {
    return new PermanentFailure(reason);
  }

  /** The provider throttled us; the host waits {@code retryAfter} before sending on it again. */
  static DeliveryResult rateLimited(Duration retryAfter) {
    return new RateLimited(retryAfter);
  }

  /**
   * Delivered to the provider.
   *
   * @param providerMessageId the provider's id for the message, used to match callbacks
   * @param response fields of the provider's answer the host keeps with the delivery (for example a
   *     webhook's {@code status} and {@code body}), a JSON-like tree, empty by default (since
   *     1.4.0)
   */
  record Accepted(String providerMessageId, Map<String, Object> response)
      implements DeliveryResult {
    /** Requires the provider id; copies the response. */
    public Accepted {
      Objects.requireNonNull(providerMessageId, "providerMessageId");
      response = JsonTree.copyObject(response, "response");
    }

    /**
     * The 1.0.0 constructor: no response fields.
     *
     * @param providerMessageId the provider's id for the message
     */
    public Accepted(String providerMessageId) {
      this(providerMessageId, null);
    }
  }

  /**
   * A failure worth retrying.
   *
   * @param reason what went wrong, without secrets
   * @param retryAfter the earliest sensible retry delay
   */
  record RetryableFailure(String reason, Duration retryAfter) implements DeliveryResult {
    /** Requires both fields; a negative delay is treated as zero. */
    public RetryableFailure {
      Objects.requireNonNull(reason, "reason");
      retryAfter = retryAfter == null || retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }
  }

  /**
   * A failure not worth retrying.
   *
   * @param reason what went wrong, without secrets
   */
  record PermanentFailure(String reason) implements DeliveryResult {
    /** Requires the reason. */
    public PermanentFailure {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The provider throttled the request.
   *
   * @param retryAfter how long to wait, from the provider's answer where it gave one
   */
  record RateLimited(Duration retryAfter) implements DeliveryResult {
    /** A negative or missing delay is treated as zero. */
    public RateLimited {
      retryAfter = retryAfter == null || retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }
  }

  /**
   * The recipient no longer exists at the provider (since 1.4.0).
   *
   * @param reason the provider's words, without secrets
   */
  record InvalidRecipient(String reason) implements DeliveryResult {
    /** Requires the reason. */
    public InvalidRecipient {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
