package io.herald.messaging.api;

import java.time.Instant;

/**
 * A stored email layout.
 *
 * @param id its id, the {@code layout_id} of transactional messages
 * @param content what the admin wrote
 * @param createdAt when it was created
 * @param updatedAt the last change
 */
public record LayoutView(long id, LayoutInput content, Instant createdAt, Instant updatedAt) {}
