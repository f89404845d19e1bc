package io.herald.messaging.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.herald.messaging.api.SendRateLimit;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's token buckets for sending (Bucket4j): one per channel setting, one per recipient
 * domain the setting limits. A bucket holds {@code max(1, burst)} tokens and refills at the rate,
 * one token at a time, so no one-second window carries more than rate + burst messages. The
 * transactional lane may empty the provider's bucket; the bulk lane leaves a fifth of it, so with a
 * burst of 5 or more a broadcast at full speed still lets transactional mail through at once.
 */
final class SendLimiter {

  /** Whose bucket: a setting (and version, so new limits start fresh), and a domain or "". */
  private record Key(long workspaceId, String setting, int version, String domain) {}

  private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();
  private final TimeMeter time;

  SendLimiter(TimeMeter time) {
    this.time = time;
  }

  /**
   * Takes a token for one message to {@code recipient}.
   *
   * @return empty when the message may go now, else how long to wait before trying again
   */
  Optional<Duration> acquire(
      long workspaceId,
      String setting,
      int version,
      SendRateLimit limit,
      String recipient,
      boolean bulk) {
    if (limit == null) {
      return Optional.empty();
    }
    Bucket provider =
        bucket(new Key(workspaceId, setting, version, ""), limit.perSecond(), limit.burst());
    long reserve = bulk ? capacity(limit.burst()) / 5 : 0;
    ConsumptionProbe probe = provider.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      return Optional.of(waitOf(probe.getNanosToWaitForRefill()));
    }
    if (probe.getRemainingTokens() < reserve) {
      provider.addTokens(1);
      // The reserve refills at the provider's rate: one token's time.
      return Optional.of(Duration.ofNanos(1_000_000_000L / limit.perSecond()));
    }
    String domain = domainOf(recipient);
    Integer domainRate = domain == null ? null : limit.domains().get(domain);
    if (domainRate != null) {
      ConsumptionProbe domainProbe =
          bucket(new Key(workspaceId, setting, version, domain), domainRate, 0)
              .tryConsumeAndReturnRemaining(1);
      if (!domainProbe.isConsumed()) {
        provider.addTokens(1);
        return Optional.of(waitOf(domainProbe.getNanosToWaitForRefill()));
      }
    }
    return Optional.empty();
  }

  private Bucket bucket(Key key, int perSecond, int burst) {
    return buckets.computeIfAbsent(
        key,
        k ->
            Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(
                    Bandwidth.builder()
                        .capacity(capacity(burst))
                        .refillGreedy(perSecond, Duration.ofSeconds(1))
                        .initialTokens(capacity(burst))
                        .build())
                .build());
  }

  private static long capacity(int burst) {
    return Math.max(1, burst);
  }

  private static Duration waitOf(long nanos) {
    return Duration.ofNanos(Math.max(nanos, 1_000_000L));
  }

  /** The lower-case domain of {@code a@b.c} or {@code Name <a@b.c>}, null when there is none. */
  static String domainOf(String recipient) {
    String address = recipient.trim();
    int lt = address.lastIndexOf('<');
    if (lt >= 0) {
      int gt = address.indexOf('>', lt);
      address = gt > lt ? address.substring(lt + 1, gt) : address.substring(lt + 1);
    }
    int at = address.lastIndexOf('@');
    return at < 0 || at == address.length() - 1
        ? null
        : address.substring(at + 1).trim().toLowerCase(Locale.ROOT);
  }
}
