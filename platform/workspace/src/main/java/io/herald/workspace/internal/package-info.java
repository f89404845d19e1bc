/**
 * Workspace internals: JPA entities for workspaces, credentials and admin users, the default
 * service implementations (admin users with PBKDF2 password hashes) and the request-scoped caller.
 */
package io.herald.workspace.internal;
