package io.herald.people.api;

import io.herald.workspace.api.WorkspaceId;

/**
 * Fired (CDI event) inside the transaction that added, updated, moved or deleted a push device of a
 * person, so an observer may record its own consequences in that same transaction ({@code during =
 * IN_PROGRESS}, the default) or react after commit ({@code during = AFTER_SUCCESS}). An observer in
 * the transaction must not fail: its exception rolls the device change back.
 *
 * @param workspace the workspace
 * @param cioId the person whose devices changed (fired for both people when a token moves)
 */
public record DevicesChanged(WorkspaceId workspace, String cioId) {}
