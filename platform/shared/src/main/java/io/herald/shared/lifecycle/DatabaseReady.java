package io.herald.shared.lifecycle;

/**
 * Fired synchronously by the app once Flyway has migrated the database and before the node serves
 * traffic. Modules that need tables at start (scheduling, bootstrap) observe it instead of starting
 * on their own.
 *
 * @param vendor the database product, for example {@code MariaDB 11.4.5}
 */
public record DatabaseReady(String vendor) {}
