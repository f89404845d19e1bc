package io.herald.workspace.internal;

import io.herald.workspace.api.CredentialKind;

/**
 * A credential was revoked on this node (CDI event, fired in the revoking transaction): its cached
 * verification is dropped once that transaction completes.
 *
 * @param kind the credential's kind
 * @param secretHash the stored SHA-256 of its secret
 */
public record CredentialRevoked(CredentialKind kind, String secretHash) {}
