package io.herald.journeys.internal;

import io.herald.journeys.api.JourneyDefinition;
import io.herald.journeys.api.JourneyState;
import io.herald.journeys.api.JourneyView;
import java.time.Instant;

/** A journeys_journey row with its current version's definition. */
record StoredJourney(
    long id,
    long workspaceId,
    String name,
    JourneyState state,
    int version,
    JourneyDefinition definition,
    Instant firstStartedAt,
    Instant createdAt,
    Instant updatedAt) {

  JourneyView view() {
    return new JourneyView(
        id, name, state, version, definition, firstStartedAt, createdAt, updatedAt);
  }
}
