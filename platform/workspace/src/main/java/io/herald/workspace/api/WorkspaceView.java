package io.herald.workspace.api;

import java.time.Instant;

/**
 * A workspace as other modules and the console see it.
 *
 * @param id typed id
 * @param name display name
 * @param createdAt when it was created
 */
public record WorkspaceView(WorkspaceId id, String name, Instant createdAt) {}
