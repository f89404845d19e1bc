package io.herald.events.api;

import java.time.Instant;

/**
 * What the change feed says about an event without reading it whole: enough for a consumer to
 * decide whether the event concerns it (its workspace, subject and name) before it loads the
 * event's data with {@link ChangeFeed#events}.
 *
 * @param id its position in the change feed
 * @param workspaceId the workspace's numeric id
 * @param subject whom it is about
 * @param name the event name
 * @param occurredAt when it happened
 */
public record EventHeader(
    long id, long workspaceId, EventSubject subject, String name, Instant occurredAt) {}
