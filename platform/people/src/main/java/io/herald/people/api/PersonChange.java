package io.herald.people.api;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * Something that happened to a person's profile.
 *
 * @param id ascending with time of writing
 * @param cioId the person
 * @param kind {@code created}, {@code attribute_change}, {@code failed_attribute_change} or {@code
 *     merged}
 * @param at when
 * @param data for changes {@code {"attributes":{"name":{"from":…,"to":…}}}} (a missing {@code
 *     from}/{@code to} means the attribute was absent); for failures {@code {"reason":…}}; for
 *     merges {@code {"merged_cio_id":…}}
 */
public record PersonChange(long id, String cioId, String kind, Instant at, JsonObject data) {}
