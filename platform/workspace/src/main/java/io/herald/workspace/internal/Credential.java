package io.herald.workspace.internal;

import io.herald.workspace.api.CredentialKind;
import io.herald.workspace.api.CredentialView;
import io.herald.workspace.api.WorkspaceId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An API credential; only the SHA-256 of its secret and a masked form are stored. */
@Entity
@Table(name = "workspace_credential")
@NamedQuery(
    name = "Credential.bySecretHash",
    query = "SELECT c FROM Credential c WHERE c.kind = :kind AND c.secretHash = :hash")
@NamedQuery(
    name = "Credential.byWorkspace",
    query = "SELECT c FROM Credential c WHERE c.workspaceId = :ws ORDER BY c.id DESC")
public class Credential {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "workspace_id", nullable = false)
  private long workspaceId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private CredentialKind kind;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "site_id", length = 64)
  private String siteId;

  @Column(name = "secret_hash", nullable = false, length = 64)
  private String secretHash;

  @Column(name = "secret_mask", nullable = false, length = 16)
  private String secretMask;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected Credential() {}

  Credential(
      long workspaceId,
      CredentialKind kind,
      String name,
      String siteId,
      String secretHash,
      String secretMask,
      Instant createdAt) {
    this.workspaceId = workspaceId;
    this.kind = kind;
    this.name = name;
    this.siteId = siteId;
    this.secretHash = secretHash;
    this.secretMask = secretMask;
    this.createdAt = createdAt;
  }

  boolean active() {
    return revokedAt == null;
  }

  void revoke(Instant at) {
    if (revokedAt == null) {
      revokedAt = at;
    }
  }

  long workspaceId() {
    return workspaceId;
  }

  String siteId() {
    return siteId;
  }

  long id() {
    return id;
  }

  CredentialKind kind() {
    return kind;
  }

  String secretHash() {
    return secretHash;
  }

  /** This credential as a verification: who presenting its secret is. */
  CredentialVerifier.Verified verified() {
    return new CredentialVerifier.Verified(workspaceId, kind, id, siteId);
  }

  CredentialView view() {
    return new CredentialView(
        id, new WorkspaceId(workspaceId), kind, name, siteId, secretMask, createdAt, revokedAt);
  }
}
