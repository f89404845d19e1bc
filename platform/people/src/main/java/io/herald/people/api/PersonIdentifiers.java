package io.herald.people.api;

/**
 * A person's identifiers, without attributes: what lists of people (segment members, lookups) show.
 *
 * @param cioId Herald's stable id
 * @param id the customer's id, {@code null} when not set
 * @param email the email as last given, {@code null} when not set
 */
public record PersonIdentifiers(String cioId, String id, String email) {}
