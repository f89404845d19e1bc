package io.herald.people.api;

import io.herald.workspace.api.WorkspaceId;

/**
 * Fired (CDI event, observe it {@code during = AFTER_SUCCESS}) when an identify call carried an
 * {@code anonymous_id}: that visitor is now this person, so activity recorded for the anonymous id
 * (events, page views) joins the person.
 *
 * @param workspace the workspace
 * @param anonymousId the visitor id
 * @param cioId the person it belongs to
 */
public record AnonymousIdLinked(WorkspaceId workspace, String anonymousId, String cioId) {}
