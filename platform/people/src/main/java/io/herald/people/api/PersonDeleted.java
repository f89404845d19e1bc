package io.herald.people.api;

import io.herald.workspace.api.WorkspaceId;

/**
 * Fired (CDI event, observe it {@code during = AFTER_SUCCESS}) when a person was deleted, by a
 * delete or a suppress call. Modules that keep data per person (segments, objects, journeys) drop
 * the person's data when they observe it. A merge's secondary is announced by {@link PeopleMerged}
 * instead.
 *
 * @param workspace the workspace
 * @param cioId the deleted person's cio_id
 */
public record PersonDeleted(WorkspaceId workspace, String cioId) {}
