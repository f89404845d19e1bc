package io.herald.people.api;

/**
 * What a merge did. Customer.io answers 200 in every case.
 *
 * @param outcome what happened
 * @param primaryCioId the remaining person, {@code null} when the primary does not exist
 */
public record MergeResult(Outcome outcome, String primaryCioId) {

  /** The possible outcomes. */
  public enum Outcome {
    /** The secondary was merged into the primary and deleted. */
    MERGED,
    /** The primary does not exist; nothing changed. */
    NO_PRIMARY,
    /** The secondary does not exist; nothing changed. */
    NO_SECONDARY,
    /** Both identifiers point at the same person; nothing changed. */
    SAME_PERSON
  }
}
