/**
 * The {@code test-echo} channel plugin: a PF4J extension that accepts every message and echoes its
 * idempotency key back, optionally failing every Nth send. It exists so the plugin host's
 * integration tests and the app's container tests can load a real plugin zip; it is never shipped
 * in the distribution.
 */
package io.herald.plugins.testecho;
