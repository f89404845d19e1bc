package io.herald.segments.api;

/**
 * What adding or removing members did.
 *
 * @param outcome whether it could be applied at all
 * @param changed people newly added (or actually removed)
 * @param unchanged references to people who already were (or were not) members, repeats included
 * @param skipped references naming nobody, ignored as Customer.io does
 */
public record MembershipResult(WriteOutcome outcome, int changed, int unchanged, int skipped) {

  /** A result for a write that was not applied. */
  public static MembershipResult refused(WriteOutcome outcome, int references) {
    return new MembershipResult(outcome, 0, 0, references);
  }
}
