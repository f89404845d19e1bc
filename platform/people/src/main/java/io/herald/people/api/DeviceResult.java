package io.herald.people.api;

/**
 * What an add-device call did. Customer.io answers 200 in every case; the outcome is for the
 * activity log and tests.
 *
 * @param outcome what happened
 * @param cioId the person who has the device now, {@code null} when nothing was written
 */
public record DeviceResult(Outcome outcome, String cioId) {

  /** The possible outcomes. */
  public enum Outcome {
    /** The token was new; the device was added (and the person created when missing). */
    ADDED,
    /** The person already had the token; platform, last_used and attributes were updated. */
    UPDATED,
    /** The token belonged to another person of the workspace; it now belongs to this one. */
    MOVED,
    /** The person's identifier is suppressed; nothing was written. */
    SKIPPED_SUPPRESSED,
    /** The path referenced a cio_id that does not exist (a cio_id cannot create a person). */
    SKIPPED_UNKNOWN_CIO_ID
  }
}
