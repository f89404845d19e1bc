package io.herald.objects.api;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * A relationship between a person and an object.
 *
 * @param personCioId the person's stable {@code cio_id}
 * @param object the object
 * @param attributes the relationship's attributes
 * @param createdAt when the relationship was first added
 * @param updatedAt last change of its attributes
 */
public record RelationshipView(
    String personCioId,
    ObjectIdentifiers object,
    JsonObject attributes,
    Instant createdAt,
    Instant updatedAt) {}
