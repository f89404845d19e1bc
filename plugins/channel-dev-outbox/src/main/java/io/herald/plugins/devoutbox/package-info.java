/**
 * The {@code dev-outbox} channel plugin: an email provider for development and the Quick start that
 * accepts every well-formed message without sending it anywhere, refuses malformed addresses as a
 * real provider would, and remembers the latest messages in memory for its health line.
 */
package io.herald.plugins.devoutbox;
