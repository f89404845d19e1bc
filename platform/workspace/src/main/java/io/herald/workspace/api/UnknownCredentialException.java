package io.herald.workspace.api;

/** No credential with the given id exists in the workspace. */
public class UnknownCredentialException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code credentialId}. */
  public UnknownCredentialException(long credentialId) {
    super("no credential with id " + credentialId);
  }
}
