package io.herald.workspace.api;

/**
 * What the first start created; printed once and written to a {@code 0600} file.
 *
 * @param workspace the default workspace
 * @param siteId Track API site id
 * @param trackApiKey Track API key
 * @param appApiKey App API bearer key
 * @param writeKey Pipelines write key
 * @param adminEmail admin login
 * @param adminPassword admin password
 */
public record BootstrapResult(
    WorkspaceView workspace,
    String siteId,
    String trackApiKey,
    String appApiKey,
    String writeKey,
    String adminEmail,
    String adminPassword) {

  /** Keeps the secrets out of logs. */
  @Override
  public String toString() {
    return "BootstrapResult[workspace=" + workspace + ", siteId=" + siteId + "]";
  }
}
