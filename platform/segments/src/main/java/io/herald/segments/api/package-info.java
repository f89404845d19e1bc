/**
 * The segments module's public contract: manual segments (create, list, delete, add and remove
 * people by any identifier, read members by cio_id) and the {@link
 * io.herald.segments.api.MembershipChanged} event journeys react to. Data-driven segments join it
 * with issue #4.
 */
package io.herald.segments.api;
