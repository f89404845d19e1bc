package io.herald.workspace.rest;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.herald.workspace.api.WorkspaceId;
import io.herald.workspace.api.WorkspaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-workspace, per-API-family request rate limits on this node (token buckets from Bucket4j: the
 * limit per second is both the refill rate and the burst). A workspace's own limit comes from
 * {@link WorkspaceService#apiRequestsPerSecond}, re-read every few seconds; without one the node
 * default {@code herald.api.requests-per-second} applies, and 0 there means no limit. Limits are
 * per node until buckets move to the cluster grid.
 */
@ApplicationScoped
public class RateLimits {

  /** How long a workspace's limit is cached before it is read again. */
  static final Duration LIMIT_TTL = Duration.ofSeconds(5);

  /** What one request may do. */
  record Decision(boolean allowed, long limit, long remaining, long resetSeconds) {
    static final Decision UNLIMITED = new Decision(true, 0, 0, 0);

    boolean limited() {
      return limit > 0;
    }
  }

  private record Key(long workspace, String family, int limit) {}

  private record CachedLimit(int limit, Instant until) {}

  private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();
  private final Map<Long, CachedLimit> limits = new ConcurrentHashMap<>();

  @Inject WorkspaceService workspaces;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "herald.api.requests-per-second", defaultValue = "0")
  int defaultLimit;

  /** Takes one request from the workspace's bucket for {@code family}. */
  Decision tryConsume(WorkspaceId workspace, String family) {
    int limit = limitOf(workspace);
    if (limit <= 0) {
      return Decision.UNLIMITED;
    }
    Bucket bucket =
        buckets.computeIfAbsent(
            new Key(workspace.value(), family, limit),
            k ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(k.limit())
                            .refillGreedy(k.limit(), Duration.ofSeconds(1))
                            .build())
                    .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    long waitSeconds =
        Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    long resetSeconds =
        probe.isConsumed()
            ? Math.max(1, (long) Math.ceil((limit - probe.getRemainingTokens()) / (double) limit))
            : waitSeconds;
    return new Decision(probe.isConsumed(), limit, probe.getRemainingTokens(), resetSeconds);
  }

  /** Forgets the cached limit of {@code workspace} (after it was changed on this node). */
  void forget(WorkspaceId workspace) {
    limits.remove(workspace.value());
  }

  private int limitOf(WorkspaceId workspace) {
    Instant now = clock.instant();
    CachedLimit cached = limits.get(workspace.value());
    if (cached == null || now.isAfter(cached.until())) {
      OptionalInt own = workspaces.apiRequestsPerSecond(workspace);
      cached = new CachedLimit(own.orElse(defaultLimit), now.plus(LIMIT_TTL));
      limits.put(workspace.value(), cached);
    }
    return cached.limit();
  }
}
