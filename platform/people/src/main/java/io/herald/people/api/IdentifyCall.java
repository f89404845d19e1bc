package io.herald.people.api;

import jakarta.json.JsonObject;

/**
 * One identify of {@link PeopleService#identifyAll}: the arguments of {@link
 * PeopleService#identify}.
 *
 * @param ref the person the call names
 * @param body the attributes (and identifiers) to set
 */
public record IdentifyCall(PersonRef ref, JsonObject body) {}
