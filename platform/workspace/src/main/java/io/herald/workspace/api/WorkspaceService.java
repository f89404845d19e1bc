package io.herald.workspace.api;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Workspaces and their API credentials. */
public interface WorkspaceService {

  /** All workspaces, oldest first. */
  List<WorkspaceView> workspaces();

  /** The workspace created on first start, if bootstrap has run. */
  Optional<WorkspaceView> defaultWorkspace();

  /**
   * Creates the default workspace, its first credentials and the first admin user, unless a
   * workspace already exists. Safe to call from several nodes at once: one wins.
   *
   * @return what was created, or empty when the installation was already bootstrapped
   */
  Optional<BootstrapResult> bootstrap(BootstrapRequest request);

  /**
   * Creates a credential with a fresh random secret.
   *
   * @param name a label (1 to 100 characters)
   * @return the credential with its secret, which is never available again
   */
  IssuedCredential issueCredential(WorkspaceId workspace, CredentialKind kind, String name);

  /** The workspace's credentials of every kind, newest first, secrets masked. */
  List<CredentialView> credentials(WorkspaceId workspace);

  /**
   * Revokes a credential; it stops authenticating at once on this node, and on other nodes once
   * their cached verification expires ({@code herald.auth.cache-seconds}, 30 s by default).
   *
   * @throws UnknownCredentialException when no such credential exists in the workspace
   */
  void revokeCredential(WorkspaceId workspace, long credentialId);

  /**
   * The workspace's own API rate limit in requests per second per API family, empty when it uses
   * the node default.
   */
  OptionalInt apiRequestsPerSecond(WorkspaceId workspace);

  /**
   * Sets the workspace's API rate limit (requests per second per API family, 1 to 1,000,000), or
   * clears it with empty so the node default applies.
   *
   * @throws IllegalArgumentException when the limit is out of range
   */
  void setApiRequestsPerSecond(WorkspaceId workspace, OptionalInt limit);

  /**
   * The workspace's time zone: calendar days in data-segment conditions are read in it. {@code UTC}
   * unless set (and for an unknown workspace).
   */
  ZoneId timeZone(WorkspaceId workspace);

  /**
   * Sets the workspace's time zone.
   *
   * @throws IllegalArgumentException when the workspace does not exist
   */
  void setTimeZone(WorkspaceId workspace, ZoneId zone);
}
