package io.herald.plugins.pushapns;

import io.herald.plugin.api.DeliveryResult;
import io.herald.plugins.pushsupport.RetryAfter;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * APNs' error answers as results. APNs answers an error with a status and {@code {"reason":"…"}}
 * (410 adds {@code "timestamp"}), per Apple's "Handling notification responses from APNs": 400 bad
 * request, 403 certificate or provider token, 404 bad path, 405 method, 410 token no longer active
 * for the topic, 413 payload too large, 429 too many requests, 500 internal server error, 503
 * shutting down.
 */
final class ApnsErrors {

  /** Retry delay when APNs asks for a retry without saying when. */
  static final Duration DEFAULT_RETRY = Duration.ofSeconds(30);

  /** Back-off after a 429 without a Retry-After. */
  static final Duration DEFAULT_RATE_LIMIT = Duration.ofSeconds(60);

  /** 403 reasons that mean the provider token or key is wrong: the channel is down. */
  static final Set<String> AUTH_REASONS =
      Set.of(
          "InvalidProviderToken",
          "MissingProviderToken",
          "ExpiredProviderToken",
          "BadCertificate",
          "BadCertificateEnvironment");

  private ApnsErrors() {}

  /** {@code APNs 410 Unregistered}. */
  static String reason(int status, String reason) {
    return "APNs " + status + (reason.isEmpty() ? "" : " " + reason);
  }

  /** The result for a non-200 answer. */
  static DeliveryResult result(int status, String reason, HttpHeaders headers, Instant now) {
    String text = reason(status, reason);
    if (status == 410 || (status == 400 && reason.equals("BadDeviceToken"))) {
      return DeliveryResult.invalidRecipient(text);
    }
    if (status == 429) {
      return DeliveryResult.rateLimited(RetryAfter.of(headers, now).orElse(DEFAULT_RATE_LIMIT));
    }
    if (status >= 500) {
      return DeliveryResult.retryable(text, RetryAfter.of(headers, now).orElse(DEFAULT_RETRY));
    }
    return DeliveryResult.permanent(text);
  }
}
