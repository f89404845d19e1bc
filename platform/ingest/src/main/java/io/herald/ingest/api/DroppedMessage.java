package io.herald.ingest.api;

import java.time.Instant;

/**
 * A Pipelines message answered 200 (permissive mode) but not applied.
 *
 * @param receivedAt when it arrived
 * @param callType identify, track, page, screen, group, alias or batch
 * @param messageId the sender's messageId, {@code null} when none
 * @param reason why it was dropped, naming the field
 */
public record DroppedMessage(
    Instant receivedAt, String callType, String messageId, String reason) {}
