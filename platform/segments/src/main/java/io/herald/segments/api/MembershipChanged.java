package io.herald.segments.api;

import io.herald.workspace.api.WorkspaceId;

/**
 * Fired (CDI event) after the change is committed, when a person joined or left a segment: by an
 * add or remove call, or by joining through a merge (the primary gains the secondary's segments).
 * Observe it {@code during = AFTER_SUCCESS}, which also covers callers that fire it inside a
 * transaction of their own. Not fired when a segment or a person is deleted.
 *
 * @param workspace the workspace
 * @param segmentId the segment
 * @param cioId the person
 * @param member whether the person is a member now
 */
public record MembershipChanged(
    WorkspaceId workspace, long segmentId, String cioId, boolean member) {}
