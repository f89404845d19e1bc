package io.herald.events.internal;

import io.herald.events.api.NewEvent;
import java.time.Instant;

/** An event waiting for its group commit. */
record EventRow(long workspaceId, NewEvent event, Instant receivedAt) {}
