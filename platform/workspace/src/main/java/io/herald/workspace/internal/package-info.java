/**
 * Workspace internals: JPA entities for workspaces, credentials and admin users, the default
 * service implementations, the admin identity store (PBKDF2) and the request-scoped caller.
 */
package io.herald.workspace.internal;
