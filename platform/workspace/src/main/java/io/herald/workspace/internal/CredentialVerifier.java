package io.herald.workspace.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.herald.shared.crypto.Tokens;
import io.herald.workspace.api.ApiPrincipal;
import io.herald.workspace.api.CredentialKind;
import io.herald.workspace.api.WorkspaceId;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies presented API secrets against the credential store, remembering successful verifications
 * for a short time so that a busy API does not query the database on every request.
 *
 * <ul>
 *   <li><b>Key:</b> the credential kind and the SHA-256 of the presented secret (the form the store
 *       keeps); the secret itself is never held or logged. Looking a hash up in a map leaks no more
 *       timing than the indexed database lookup it replaces: the secret's hash reveals nothing
 *       usable about the secret.
 *   <li><b>Value:</b> the active credential the hash resolved to (workspace, kind, id, site id).
 *       Callers still compare the Track site id in constant time against the cached one.
 *   <li><b>Only successes are cached.</b> A secret that matches no active credential is looked up
 *       again on every request, so a wrong key can never be let through by the cache, and random
 *       guesses cannot fill it.
 *   <li><b>Staleness:</b> entries expire a fixed time after they were loaded ({@code ttl}, not
 *       extended by use). {@link #forget} drops an entry at once: the node that revokes a
 *       credential calls it, so there the key stops working immediately. Other nodes keep accepting
 *       a revoked key for at most {@code ttl}.
 *   <li>A zero {@code ttl} disables the cache: every verification goes to the store.
 * </ul>
 */
final class CredentialVerifier {

  /** What the cache is keyed by: never the secret, only its stored hash. */
  record Key(CredentialKind kind, String secretHash) {}

  /** An active credential as the store resolved it. */
  record Verified(long workspaceId, CredentialKind kind, long credentialId, String siteId) {

    ApiPrincipal principal() {
      return new ApiPrincipal(new WorkspaceId(workspaceId), kind, credentialId);
    }
  }

  /** Longest secret that is hashed and looked up at all. */
  static final int MAX_SECRET_LENGTH = 256;

  private final Function<Key, Optional<Verified>> store;
  private final Cache<Key, Verified> cache;

  /**
   * @param store finds the active credential whose secret has the key's hash
   * @param ttl how long a verification is trusted; zero disables caching
   * @param maximumSize most credentials held at once
   * @param ticker the time source for expiry (monotonic nanoseconds)
   */
  CredentialVerifier(
      Function<Key, Optional<Verified>> store, Duration ttl, long maximumSize, Ticker ticker) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException(
          "herald.auth.cache-seconds must be 0 (off) or more: " + ttl.toSeconds());
    }
    this.store = store;
    this.cache =
        ttl.isZero()
            ? null
            : Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maximumSize)
                .ticker(ticker)
                .build();
  }

  /** The active credential of {@code kind} whose secret is {@code secret}, if any. */
  Optional<Verified> verify(CredentialKind kind, String secret) {
    if (secret == null || secret.isEmpty() || secret.length() > MAX_SECRET_LENGTH) {
      return Optional.empty();
    }
    Key key = new Key(kind, Tokens.sha256(secret));
    if (cache == null) {
      return store.apply(key);
    }
    // A load that finds nothing returns null, and Caffeine stores nothing for it.
    return Optional.ofNullable(cache.get(key, k -> store.apply(k).orElse(null)));
  }

  /**
   * Forgets the verification of the credential whose secret has {@code secretHash}, so that the
   * next request looks it up again. Safe to call when nothing is cached.
   */
  void forget(CredentialKind kind, String secretHash) {
    if (cache != null) {
      cache.invalidate(new Key(kind, secretHash));
    }
  }

  /** How many verifications are held (approximate; for tests and diagnostics). */
  long size() {
    if (cache == null) {
      return 0;
    }
    cache.cleanUp();
    return cache.estimatedSize();
  }
}
