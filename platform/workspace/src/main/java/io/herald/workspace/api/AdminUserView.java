package io.herald.workspace.api;

import java.time.Instant;

/**
 * An admin console user.
 *
 * @param id user id
 * @param email login, stored lower-case
 * @param role console role
 * @param createdAt creation time
 */
public record AdminUserView(long id, String email, AdminRole role, Instant createdAt) {}
