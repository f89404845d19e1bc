package io.herald.workspace.api;

/**
 * The authenticated caller of the current API request (an application-scoped view of it). Resources
 * behind the API filters inject it to learn their workspace.
 */
public interface CurrentActor {

  /** The caller; fails when the request was not authenticated, which the filters prevent. */
  ApiPrincipal principal();

  /** Shortcut for {@code principal().workspaceId()}. */
  default WorkspaceId workspaceId() {
    return principal().workspaceId();
  }
}
