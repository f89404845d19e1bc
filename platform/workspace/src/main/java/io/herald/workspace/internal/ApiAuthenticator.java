package io.herald.workspace.internal;

import io.herald.shared.crypto.Tokens;
import io.herald.workspace.api.ApiPrincipal;
import io.herald.workspace.api.CredentialKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Who an API request's credential belongs to, for the API filters. Not transactional: a verified
 * credential comes from {@link CredentialChecks}' cache, and loading one on a miss is a single read
 * that needs no transaction (a transactional interceptor on every API call cost as much as the
 * lookup itself).
 */
@ApplicationScoped
public class ApiAuthenticator {

  private final CredentialChecks checks;

  /** For CDI's proxy. */
  protected ApiAuthenticator() {
    this.checks = null;
  }

  @Inject
  ApiAuthenticator(CredentialChecks checks) {
    this.checks = checks;
  }

  /** The caller for Track API Basic credentials, if they are valid and active. */
  public Optional<ApiPrincipal> track(String siteId, String apiKey) {
    if (siteId == null) {
      return Optional.empty();
    }
    return checks
        .verify(CredentialKind.TRACK, apiKey)
        .filter(c -> c.siteId() != null && Tokens.constantTimeEquals(c.siteId(), siteId))
        .map(CredentialVerifier.Verified::principal);
  }

  /** The caller for an App API bearer key, if valid and active. */
  public Optional<ApiPrincipal> app(String bearerKey) {
    return checks.verify(CredentialKind.APP, bearerKey).map(CredentialVerifier.Verified::principal);
  }

  /** The caller for a Pipelines write key, if valid and active. */
  public Optional<ApiPrincipal> pipelines(String writeKey) {
    return checks
        .verify(CredentialKind.PIPELINES, writeKey)
        .map(CredentialVerifier.Verified::principal);
  }
}
