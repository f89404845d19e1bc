package io.herald.plugins.whatsapp;

/** A message that cannot be sent as it is: a permanent failure with this reason. */
final class InvalidMessageException extends Exception {

  private static final long serialVersionUID = 1L;

  InvalidMessageException(String reason) {
    super(reason, null, false, false);
  }
}
