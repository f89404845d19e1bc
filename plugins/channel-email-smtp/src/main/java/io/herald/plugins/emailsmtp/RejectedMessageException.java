package io.herald.plugins.emailsmtp;

/**
 * A message the provider refuses to send as given (invalid address, header injection); sending it
 * again will not help. The message names the field, never a secret.
 */
final class RejectedMessageException extends Exception {

  private static final long serialVersionUID = 1L;

  RejectedMessageException(String reason) {
    super(reason, null, false, false);
  }
}
