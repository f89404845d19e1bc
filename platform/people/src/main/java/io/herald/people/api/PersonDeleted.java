package io.herald.people.api;

import io.herald.workspace.api.WorkspaceId;

/**
 * Fired (CDI event, observe it {@code during = AFTER_SUCCESS}) when a person was deleted, by {@code
 * delete} or {@code suppress}. Modules that keep data per person delete theirs when they observe
 * it. (A merged-away secondary is announced by {@link PeopleMerged} instead.)
 *
 * @param workspace the workspace
 * @param cioId the deleted person's {@code cio_id}
 */
public record PersonDeleted(WorkspaceId workspace, String cioId) {}
