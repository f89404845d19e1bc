package io.herald.plugins.pushfcm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.InvalidConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validated settings of one {@code push-fcm} provider.
 *
 * @param account the service account
 * @param baseUrl the HTTP v1 API's base URL, without a trailing slash
 * @param tokenUrl where the JWT is exchanged for an access token (the override, else the key's
 *     {@code token_uri})
 * @param timeout connect timeout and per-request timeout
 */
record FcmSettings(ServiceAccount account, String baseUrl, URI tokenUrl, Duration timeout) {

  /**
   * Reads and checks the settings.
   *
   * @throws InvalidConfigException naming each unusable setting
   */
  static FcmSettings from(ChannelConfig config, ObjectMapper mapper) throws InvalidConfigException {
    List<String> problems = new ArrayList<>();
    Optional<ServiceAccount> account =
        ServiceAccount.parse(
            config.get(FcmSchema.SERVICE_ACCOUNT_JSON).orElse(""), mapper, problems);
    String base = config.get(FcmSchema.BASE_URL).orElse(FcmSchema.DEFAULT_BASE_URL).trim();
    if (ServiceAccount.httpUri(base).isEmpty()) {
      problems.add(FcmSchema.BASE_URL + ": must be an absolute http or https URL");
    }
    Optional<URI> tokenOverride = Optional.empty();
    Optional<String> tokenUrlText = config.get(FcmSchema.TOKEN_URL);
    if (tokenUrlText.isPresent()) {
      tokenOverride = ServiceAccount.httpUri(tokenUrlText.get());
      if (tokenOverride.isEmpty()) {
        problems.add(FcmSchema.TOKEN_URL + ": must be an absolute http or https URL");
      }
    }
    long timeoutMs = FcmSchema.DEFAULT_TIMEOUT_MS;
    try {
      timeoutMs = config.getLong(FcmSchema.TIMEOUT_MS, FcmSchema.DEFAULT_TIMEOUT_MS);
      if (timeoutMs < 100 || timeoutMs > 120_000) {
        problems.add(FcmSchema.TIMEOUT_MS + ": must be between 100 and 120000");
      }
    } catch (NumberFormatException e) {
      problems.add(FcmSchema.TIMEOUT_MS + ": must be a whole number");
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    ServiceAccount sa = account.orElseThrow();
    return new FcmSettings(
        sa, trimmed, tokenOverride.orElse(sa.tokenUri()), Duration.ofMillis(timeoutMs));
  }

  /** The {@code messages:send} URL of the account's project. */
  URI sendUrl() {
    return URI.create(baseUrl + "/v1/projects/" + account.projectId() + "/messages:send");
  }
}
