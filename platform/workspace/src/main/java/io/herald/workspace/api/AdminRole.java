package io.herald.workspace.api;

/** What an admin user may do in the console. */
public enum AdminRole {
  /** Everything, including credentials, users and plugins. */
  ADMIN,
  /** Edit messaging and journeys; read settings. */
  EDITOR,
  /** Read only. */
  VIEWER;

  /**
   * The role name shown and kept by the console ({@code admin}, {@code editor}, {@code viewer}).
   */
  public String roleName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
