/**
 * Membership writes that keep the change journal: every enter and exit of a segment is recorded in
 * {@code segments_membership_change} in the same transaction as the membership row.
 */
package io.herald.segments.internal.membership;
