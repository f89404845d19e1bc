package io.herald.messaging.api;

import java.time.Instant;

/**
 * A saved transactional message.
 *
 * @param id its id, the {@code transactional_message_id} of sends
 * @param content what the admin wrote
 * @param createdAt when it was created
 * @param updatedAt the last change
 */
public record TransactionalView(
    long id, TransactionalInput content, Instant createdAt, Instant updatedAt) {}
