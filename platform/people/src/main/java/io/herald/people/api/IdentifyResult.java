package io.herald.people.api;

/**
 * What an identify call did. Customer.io answers 200 in every case; the outcome is for the activity
 * log and tests.
 *
 * @param outcome what happened
 * @param cioId the person affected, {@code null} when none
 * @param detail why nothing was written, empty otherwise
 */
public record IdentifyResult(Outcome outcome, String cioId, String detail) {

  /** The possible outcomes. */
  public enum Outcome {
    /** A new person was created. */
    CREATED,
    /** An existing person was updated. */
    UPDATED,
    /** {@code _update} was set and no person matched, so nothing was created. */
    SKIPPED_UPDATE_ONLY,
    /** The path referenced a cio_id that does not exist; dropped. */
    SKIPPED_UNKNOWN_CIO_ID,
    /** The identifiers point at different people ("Attribute Update Failure"); not applied. */
    CONFLICT,
    /** An identifier of the call is suppressed; nothing was written. */
    SKIPPED_SUPPRESSED
  }
}
