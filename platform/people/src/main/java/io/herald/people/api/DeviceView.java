package io.herald.people.api;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * A person's push device.
 *
 * @param token the device token (Customer.io's device {@code id})
 * @param platform the messaging platform
 * @param lastUsed Unix seconds when the device was last added or updated (or as the caller said)
 * @param attributes device attributes ({@code device_os}, {@code app_version}, {@code
 *     push_enabled}, custom ones), values as sent
 * @param createdAt when Herald first stored the device
 * @param updatedAt last change
 */
public record DeviceView(
    String token,
    DevicePlatform platform,
    long lastUsed,
    JsonObject attributes,
    Instant createdAt,
    Instant updatedAt) {}
