package io.herald.messaging.api;

/**
 * An email layout as an admin writes it.
 *
 * @param name shown in the console, 1 to 255 characters
 * @param html Liquid HTML with exactly one {@code {{ content }}} placeholder, where a message's
 *     body goes
 */
public record LayoutInput(String name, String html) {}
