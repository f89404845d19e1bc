/**
 * The workspace module's public contract: workspaces, API credentials of the three API families
 * (Track, App, Pipelines), admin users with roles, and the authenticated caller of the current
 * request. Secrets are only ever returned whole by {@link
 * io.herald.workspace.api.WorkspaceService#issueCredential}.
 */
package io.herald.workspace.api;
