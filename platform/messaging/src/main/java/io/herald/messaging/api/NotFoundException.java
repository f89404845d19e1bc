package io.herald.messaging.api;

/** A transactional message, channel setting or delivery that does not exist in the workspace. */
public class NotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what was not found, e.g. {@code transactional message 42 not found}
   */
  public NotFoundException(String message) {
    super(message);
  }
}
