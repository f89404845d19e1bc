package io.herald.messaging.api;

import java.time.Instant;

/**
 * A stored snippet: Liquid that templates and layouts use as {@code {{snippets.<name>}}}.
 *
 * @param name unique in the workspace
 * @param value its Liquid source
 * @param updatedAt the last change
 */
public record SnippetView(String name, String value, Instant updatedAt) {}
