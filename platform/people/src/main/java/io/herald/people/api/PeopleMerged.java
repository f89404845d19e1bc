package io.herald.people.api;

import io.herald.workspace.api.WorkspaceId;

/**
 * Fired (CDI event, observe it {@code during = AFTER_SUCCESS}) when a secondary person was merged
 * into a primary one and deleted. Modules that keep data per person (events, segments, journeys)
 * move the secondary's data to the primary when they observe it.
 *
 * @param workspace the workspace
 * @param primaryCioId the person that remains
 * @param secondaryCioId the person that was merged into it and no longer exists
 */
public record PeopleMerged(WorkspaceId workspace, String primaryCioId, String secondaryCioId) {}
