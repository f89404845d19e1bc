package io.herald.objects.api;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * A directed relationship between two objects (a Herald extension: Customer.io relates objects to
 * people only), for example a company (parent) and one of its workspaces (child).
 *
 * @param parent the parent object
 * @param child the child object
 * @param attributes the relationship's attributes
 * @param createdAt when the relationship was first added
 * @param updatedAt last change of its attributes
 */
public record ObjectRelationshipView(
    ObjectIdentifiers parent,
    ObjectIdentifiers child,
    JsonObject attributes,
    Instant createdAt,
    Instant updatedAt) {}
