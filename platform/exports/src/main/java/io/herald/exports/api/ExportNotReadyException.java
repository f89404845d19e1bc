package io.herald.exports.api;

/** A download was asked for an export that is still pending or has failed. */
public class ExportNotReadyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the export cannot be downloaded (its status, and the failure reason if it failed). */
  public ExportNotReadyException(String message) {
    super(message);
  }
}
