package io.herald.journeys.api;

import java.time.Instant;

/**
 * A journey and the definition of its current version.
 *
 * @param id the journey's id (Customer.io's campaign id)
 * @param name its name
 * @param state its lifecycle state
 * @param version the version new runs enter
 * @param definition that version's checked document
 * @param firstStartedAt when it was first activated, null before
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record JourneyView(
    long id,
    String name,
    JourneyState state,
    int version,
    JourneyDefinition definition,
    Instant firstStartedAt,
    Instant createdAt,
    Instant updatedAt) {}
