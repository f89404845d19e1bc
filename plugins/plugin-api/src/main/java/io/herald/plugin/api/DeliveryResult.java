package io.herald.plugin.api;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of {@link ChannelProvider#send}. Plugins construct these; the host decides what
 * happens next (record, retry later, give up, slow down).
 */
public sealed interface DeliveryResult
    permits DeliveryResult.Accepted,
        DeliveryResult.RetryableFailure,
        DeliveryResult.PermanentFailure,
        DeliveryResult.RateLimited {

  /** The provider accepted the message. */
  static DeliveryResult accepted(String providerMessageId) {
    return new Accepted(providerMessageId);
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
   */
  record Accepted(String providerMessageId) implements DeliveryResult {
    /** Requires the provider id. */
    public Accepted {
      Objects.requireNonNull(providerMessageId, "providerMessageId");
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
}
