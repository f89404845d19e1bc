/**
 * The events module's public contract: record person, anonymous and object events (committed in
 * groups before the call returns), read a person's events, and follow every committed event through
 * the change feed.
 */
package io.herald.events.api;
