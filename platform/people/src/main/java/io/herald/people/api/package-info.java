/**
 * The people module's public contract: identify (create or update) a person by one of their
 * identifiers with Customer.io's semantics, read a person's profile, delete, suppress and merge
 * people, manage their push devices, look many people up at once, and the events other modules
 * follow ({@link io.herald.people.api.PeopleMerged}, {@link io.herald.people.api.PersonDeleted}).
 */
package io.herald.people.api;
