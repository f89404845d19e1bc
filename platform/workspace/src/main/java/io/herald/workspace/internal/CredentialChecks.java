package io.herald.workspace.internal;

import com.github.benmanes.caffeine.cache.Ticker;
import io.herald.workspace.api.CredentialKind;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's {@link CredentialVerifier} over the {@code workspace_credential} table. Verified
 * credentials are trusted for {@code herald.auth.cache-seconds} (default 30, 0 = look every request
 * up); a credential revoked on this node is forgotten at once, and again when the revoking
 * transaction completes (so a request that read the row before the commit cannot keep it cached).
 * Other nodes notice a revocation within {@code herald.auth.cache-seconds}.
 */
@ApplicationScoped
public class CredentialChecks {

  /** Most verified credentials held per node; a workspace has a handful. */
  static final long MAXIMUM_SIZE = 10_000;

  @PersistenceContext(unitName = "workspace")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "herald.auth.cache-seconds", defaultValue = "30")
  long cacheSeconds;

  private CredentialVerifier verifier;

  @PostConstruct
  void start() {
    verifier =
        new CredentialVerifier(
            this::load, Duration.ofSeconds(cacheSeconds), MAXIMUM_SIZE, Ticker.systemTicker());
  }

  /** The active credential of {@code kind} whose secret is {@code secret}, if any. */
  Optional<CredentialVerifier.Verified> verify(CredentialKind kind, String secret) {
    return verifier.verify(kind, secret);
  }

  /** Drops the cached verification of a credential (at once, on this node). */
  void forget(CredentialKind kind, String secretHash) {
    verifier.forget(kind, secretHash);
  }

  void onRevoked(@Observes(during = TransactionPhase.AFTER_COMPLETION) CredentialRevoked revoked) {
    verifier.forget(revoked.kind(), revoked.secretHash());
  }

  private Optional<CredentialVerifier.Verified> load(CredentialVerifier.Key key) {
    return em.createNamedQuery("Credential.bySecretHash", Credential.class)
        .setParameter("kind", key.kind())
        .setParameter("hash", key.secretHash())
        .getResultStream()
        .filter(Credential::active)
        .findFirst()
        .map(Credential::verified);
  }
}
