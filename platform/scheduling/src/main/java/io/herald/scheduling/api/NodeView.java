package io.herald.scheduling.api;

import java.time.Instant;

/**
 * One Herald node as recorded by its heartbeat.
 *
 * @param nodeId stable id of the node process
 * @param host host name the node reported
 * @param version Herald version the node runs
 * @param startedAt when the node started
 * @param lastSeenAt its latest heartbeat
 * @param current whether this is the node answering the request
 * @param alive whether its heartbeat is recent (within three intervals)
 */
public record NodeView(
    String nodeId,
    String host,
    String version,
    Instant startedAt,
    Instant lastSeenAt,
    boolean current,
    boolean alive) {}
