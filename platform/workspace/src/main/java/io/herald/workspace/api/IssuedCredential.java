package io.herald.workspace.api;

/**
 * A credential just created: the only time its secret is available whole.
 *
 * @param credential the stored view
 * @param secret the API key, bearer key or write key, to show once and then forget
 */
public record IssuedCredential(CredentialView credential, String secret) {

  /** Keeps the secret out of logs. */
  @Override
  public String toString() {
    return "IssuedCredential[" + credential + ", secret=" + credential.maskedSecret() + "]";
  }
}
