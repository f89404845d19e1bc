/**
 * The people module's public contract: identify (create or update) a person by one of their
 * identifiers with Customer.io's semantics, and read a person's profile.
 */
package io.herald.people.api;
