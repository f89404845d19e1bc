package io.herald.workspace.api;

import java.time.Instant;

/**
 * A credential as listed: never the secret, only a masked form.
 *
 * @param id credential id
 * @param workspaceId owning workspace
 * @param kind API family
 * @param name label given at creation
 * @param siteId public site id for {@link CredentialKind#TRACK}, {@code null} otherwise
 * @param maskedSecret first and last characters of the secret, for recognition
 * @param createdAt creation time
 * @param revokedAt revocation time, {@code null} while active
 */
public record CredentialView(
    long id,
    WorkspaceId workspaceId,
    CredentialKind kind,
    String name,
    String siteId,
    String maskedSecret,
    Instant createdAt,
    Instant revokedAt) {

  /** Whether the credential still authenticates. */
  public boolean active() {
    return revokedAt == null;
  }
}
