package io.herald.workspace.api;

import java.util.Optional;

/**
 * Values for the first start, each taken from {@code HERALD_BOOTSTRAP_*} when set and generated
 * otherwise.
 *
 * @param siteId Track API site id
 * @param trackApiKey Track API key
 * @param appApiKey App API bearer key
 * @param writeKey Pipelines write key
 * @param adminEmail admin login
 * @param adminPassword admin password
 */
public record BootstrapRequest(
    Optional<String> siteId,
    Optional<String> trackApiKey,
    Optional<String> appApiKey,
    Optional<String> writeKey,
    Optional<String> adminEmail,
    Optional<String> adminPassword) {

  /** Keeps the secrets out of logs. */
  @Override
  public String toString() {
    return "BootstrapRequest[siteId=" + siteId + ", adminEmail=" + adminEmail + "]";
  }
}
