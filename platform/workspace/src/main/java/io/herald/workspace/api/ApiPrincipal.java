package io.herald.workspace.api;

/**
 * The caller of an API request, established by the authentication filters.
 *
 * @param workspaceId the workspace the credential belongs to
 * @param kind the API family the credential opens
 * @param credentialId the credential used
 */
public record ApiPrincipal(WorkspaceId workspaceId, CredentialKind kind, long credentialId) {}
