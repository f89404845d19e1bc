package io.herald.plugins.webhook;

/** A message the webhook cannot send as it is: a permanent failure with this reason. */
final class InvalidMessageException extends Exception {

  private static final long serialVersionUID = 1L;

  InvalidMessageException(String reason) {
    super(reason, null, false, false);
  }
}
