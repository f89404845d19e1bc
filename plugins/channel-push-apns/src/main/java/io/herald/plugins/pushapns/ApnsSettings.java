package io.herald.plugins.pushapns;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.InvalidConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Validated settings of one {@code push-apns} provider. {@code toString()} never shows the key.
 *
 * @param key the P-256 signing key from the .p8 file
 * @param keyId its 10-character key id (JWT {@code kid})
 * @param teamId the developer team (JWT {@code iss})
 * @param topic the app's bundle id ({@code apns-topic})
 * @param environment {@code production} or {@code sandbox}
 * @param baseUrl where requests go, without a trailing slash
 * @param expiration how long APNs stores a notification for an offline device; zero for once
 * @param tokenRefresh how long a provider token is reused
 * @param timeout connect timeout and per-request timeout
 */
record ApnsSettings(
    ECPrivateKey key,
    String keyId,
    String teamId,
    String topic,
    String environment,
    String baseUrl,
    Duration expiration,
    Duration tokenRefresh,
    Duration timeout) {

  /**
   * Reads and checks the settings.
   *
   * @throws InvalidConfigException naming each unusable setting, never its value
   */
  static ApnsSettings from(ChannelConfig config) throws InvalidConfigException {
    List<String> problems = new ArrayList<>();
    Optional<ECPrivateKey> key = p256Key(config.get(ApnsSchema.KEY_P8).orElse(""));
    if (key.isEmpty()) {
      problems.add(ApnsSchema.KEY_P8 + ": is not a PKCS#8 PEM EC P-256 key (an APNs .p8 file)");
    }
    String keyId = config.get(ApnsSchema.KEY_ID).orElse("").trim();
    if (!keyId.matches("[A-Z0-9]{10}")) {
      problems.add(ApnsSchema.KEY_ID + ": must be 10 upper-case letters and digits");
    }
    String teamId = config.get(ApnsSchema.TEAM_ID).orElse("").trim();
    if (!teamId.matches("[A-Z0-9]{10}")) {
      problems.add(ApnsSchema.TEAM_ID + ": must be 10 upper-case letters and digits");
    }
    String topic = config.get(ApnsSchema.BUNDLE_ID).orElse("").trim();
    if (!topic.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*")) {
      problems.add(ApnsSchema.BUNDLE_ID + ": is not a bundle id");
    }
    String environment = config.get(ApnsSchema.ENVIRONMENT).orElse(ApnsSchema.PRODUCTION);
    if (!environment.equals(ApnsSchema.PRODUCTION) && !environment.equals(ApnsSchema.SANDBOX)) {
      problems.add(ApnsSchema.ENVIRONMENT + ": must be production or sandbox");
    }
    String base =
        config
            .get(ApnsSchema.BASE_URL)
            .map(String::trim)
            .orElse(
                environment.equals(ApnsSchema.SANDBOX)
                    ? ApnsSchema.SANDBOX_URL
                    : ApnsSchema.PRODUCTION_URL);
    if (!isHttpUrl(base)) {
      problems.add(ApnsSchema.BASE_URL + ": must be an absolute http or https URL");
    }
    long expiration =
        number(
            config,
            ApnsSchema.EXPIRATION_SECONDS,
            ApnsSchema.DEFAULT_EXPIRATION_SECONDS,
            0,
            31L * 86_400,
            problems);
    long refresh =
        number(
            config,
            ApnsSchema.TOKEN_REFRESH_MINUTES,
            ApnsSchema.DEFAULT_TOKEN_REFRESH_MINUTES,
            20,
            50,
            problems);
    long timeout =
        number(
            config, ApnsSchema.TIMEOUT_MS, ApnsSchema.DEFAULT_TIMEOUT_MS, 100, 120_000, problems);
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return new ApnsSettings(
        key.orElseThrow(),
        keyId,
        teamId,
        topic,
        environment,
        base.endsWith("/") ? base.substring(0, base.length() - 1) : base,
        Duration.ofSeconds(expiration),
        Duration.ofMinutes(refresh),
        Duration.ofMillis(timeout));
  }

  /** The URL for a device token. */
  URI deviceUrl(String deviceToken) {
    return URI.create(baseUrl + "/3/device/" + deviceToken);
  }

  private static long number(
      ChannelConfig config, String name, long fallback, long min, long max, List<String> problems) {
    try {
      long value = config.getLong(name, fallback);
      if (value < min || value > max) {
        problems.add(name + ": must be between " + min + " and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(name + ": must be a whole number");
      return fallback;
    }
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static Optional<ECPrivateKey> p256Key(String pem) {
    String base64 =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    if (base64.isEmpty()) {
      return Optional.empty();
    }
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      ECPrivateKey key =
          (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
      return key.getParams().getCurve().getField().getFieldSize() == 256
          ? Optional.of(key)
          : Optional.empty();
    } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
      return Optional.empty();
    }
  }

  /** Ids, topic and endpoint; never the key. */
  @Override
  public String toString() {
    return "ApnsSettings[key "
        + keyId
        + ", team "
        + teamId
        + ", topic "
        + topic
        + ", "
        + environment
        + ", "
        + baseUrl
        + "]";
  }
}
