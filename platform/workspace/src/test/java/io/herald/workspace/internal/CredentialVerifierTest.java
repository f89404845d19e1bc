package io.herald.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.shared.crypto.Tokens;
import io.herald.workspace.api.CredentialKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CredentialVerifierTest {

  private static final String SECRET = "app-key-0123456789abcdef";
  private static final Duration TTL = Duration.ofSeconds(30);

  /** The credential table: active credentials by (kind, hash); every lookup is recorded. */
  private final Map<CredentialVerifier.Key, CredentialVerifier.Verified> active =
      new ConcurrentHashMap<>();

  private final List<CredentialVerifier.Key> lookups = new CopyOnWriteArrayList<>();
  private final AtomicLong nanos = new AtomicLong(1_000);

  private CredentialVerifier verifier(Duration ttl) {
    return new CredentialVerifier(
        key -> {
          lookups.add(key);
          return Optional.ofNullable(active.get(key));
        },
        ttl,
        100,
        nanos::get);
  }

  private CredentialVerifier.Verified issue(CredentialKind kind, String secret, long id) {
    CredentialVerifier.Verified verified = new CredentialVerifier.Verified(7, kind, id, null);
    active.put(key(kind, secret), verified);
    return verified;
  }

  private static CredentialVerifier.Key key(CredentialKind kind, String secret) {
    return new CredentialVerifier.Key(kind, Tokens.sha256(secret));
  }

  @Test
  void aVerifiedCredentialIsLookedUpOncePerTtl() {
    CredentialVerifier.Verified credential = issue(CredentialKind.APP, SECRET, 1);
    CredentialVerifier verifier = verifier(TTL);

    assertThat(verifier.verify(CredentialKind.APP, SECRET)).contains(credential);
    nanos.addAndGet(TTL.toNanos() - 1);
    assertThat(verifier.verify(CredentialKind.APP, SECRET)).contains(credential);
    assertThat(lookups).hasSize(1);

    nanos.addAndGet(1);
    assertThat(verifier.verify(CredentialKind.APP, SECRET)).contains(credential);
    assertThat(lookups).hasSize(2);
  }

  @Test
  void theCacheIsKeyedByTheSecretsHashNeverTheSecret() {
    issue(CredentialKind.APP, SECRET, 1);
    verifier(TTL).verify(CredentialKind.APP, SECRET);

    assertThat(lookups).containsExactly(key(CredentialKind.APP, SECRET));
    assertThat(lookups.get(0).secretHash()).isEqualTo(Tokens.sha256(SECRET)).isNotEqualTo(SECRET);
  }

  @Test
  void aCredentialForgottenOnRevocationStopsWorkingAtOnce() {
    issue(CredentialKind.PIPELINES, SECRET, 1);
    CredentialVerifier verifier = verifier(TTL);
    assertThat(verifier.verify(CredentialKind.PIPELINES, SECRET)).isPresent();

    active.remove(key(CredentialKind.PIPELINES, SECRET)); // revoked in the table
    verifier.forget(CredentialKind.PIPELINES, Tokens.sha256(SECRET));

    assertThat(verifier.verify(CredentialKind.PIPELINES, SECRET)).isEmpty();
    assertThat(verifier.size()).isZero();
  }

  @Test
  void aRevocationMadeElsewhereIsNoticedWhenTheTtlRunsOut() {
    issue(CredentialKind.TRACK, SECRET, 1);
    CredentialVerifier verifier = verifier(TTL);
    assertThat(verifier.verify(CredentialKind.TRACK, SECRET)).isPresent();

    active.remove(key(CredentialKind.TRACK, SECRET)); // revoked by another node: nothing forgotten
    assertThat(verifier.verify(CredentialKind.TRACK, SECRET)).isPresent();

    nanos.addAndGet(TTL.toNanos());
    assertThat(verifier.verify(CredentialKind.TRACK, SECRET)).isEmpty();
  }

  @Test
  void aWrongKeyIsNeverAcceptedAndNeverCached() {
    CredentialVerifier.Verified credential = issue(CredentialKind.APP, SECRET, 1);
    CredentialVerifier verifier = verifier(TTL);
    assertThat(verifier.verify(CredentialKind.APP, SECRET)).contains(credential);

    for (String wrong : List.of(SECRET + "x", SECRET.substring(1), SECRET.toUpperCase(), " ")) {
      assertThat(verifier.verify(CredentialKind.APP, wrong)).as(wrong).isEmpty();
      assertThat(verifier.verify(CredentialKind.APP, wrong)).as(wrong).isEmpty();
    }
    // The right secret of another kind opens nothing.
    assertThat(verifier.verify(CredentialKind.TRACK, SECRET)).isEmpty();
    assertThat(verifier.verify(CredentialKind.PIPELINES, SECRET)).isEmpty();

    // Every failed attempt went to the table; only the one good verification is held.
    assertThat(lookups).hasSize(1 + 4 * 2 + 2);
    assertThat(verifier.size()).isEqualTo(1);
  }

  @Test
  void aKeyUnknownAtFirstWorksAsSoonAsItIsIssued() {
    CredentialVerifier verifier = verifier(TTL);
    assertThat(verifier.verify(CredentialKind.APP, SECRET)).isEmpty();

    CredentialVerifier.Verified credential = issue(CredentialKind.APP, SECRET, 2);

    assertThat(verifier.verify(CredentialKind.APP, SECRET)).contains(credential);
  }

  @Test
  void absentEmptyAndOverlongSecretsAreRefusedWithoutALookup() {
    CredentialVerifier verifier = verifier(TTL);

    assertThat(verifier.verify(CredentialKind.APP, null)).isEmpty();
    assertThat(verifier.verify(CredentialKind.APP, "")).isEmpty();
    assertThat(verifier.verify(CredentialKind.APP, "k".repeat(257))).isEmpty();
    assertThat(lookups).isEmpty();
  }

  @Test
  void aZeroTtlLooksEveryRequestUp() {
    issue(CredentialKind.APP, SECRET, 1);
    CredentialVerifier verifier = verifier(Duration.ZERO);

    assertThat(verifier.verify(CredentialKind.APP, SECRET)).isPresent();
    assertThat(verifier.verify(CredentialKind.APP, SECRET)).isPresent();
    assertThat(lookups).hasSize(2);

    active.clear(); // revoked anywhere: refused on the next request, nothing to forget
    assertThat(verifier.verify(CredentialKind.APP, SECRET)).isEmpty();
    assertThat(verifier.size()).isZero();
  }

  @Test
  void aNegativeTtlIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> verifier(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("herald.auth.cache-seconds");
  }
}
