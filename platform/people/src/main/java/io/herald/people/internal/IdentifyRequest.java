package io.herald.people.internal;

import io.herald.people.api.PersonRef;

/**
 * One validated identify call waiting for the group commit.
 *
 * @param workspaceId the workspace
 * @param ref the person the call names
 * @param changes the validated body
 */
record IdentifyRequest(long workspaceId, PersonRef ref, AttributeChanges changes) {}
