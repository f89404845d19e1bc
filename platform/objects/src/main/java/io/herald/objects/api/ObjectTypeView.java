package io.herald.objects.api;

import java.time.Instant;

/**
 * An object type of a workspace (Customer.io's "Companies", "Accounts"…).
 *
 * @param id the type id, a positive whole number as a string ({@code "1"})
 * @param name the display name
 * @param createdAt when it was created
 */
public record ObjectTypeView(String id, String name, Instant createdAt) {}
