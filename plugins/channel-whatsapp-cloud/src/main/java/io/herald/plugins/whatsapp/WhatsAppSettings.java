package io.herald.plugins.whatsapp;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.InvalidConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The validated settings of one WhatsApp channel. {@link #toString()} leaves the secrets out.
 *
 * @param accessToken the Graph API bearer token
 * @param phoneNumberId the sending number's id
 * @param appSecret the app secret that signs webhooks, if configured
 * @param verifyToken the webhook handshake's verify token, if configured
 * @param messagesUri {@code {base}/{version}/{phone_number_id}/messages}
 * @param timeout the budget of one call
 */
record WhatsAppSettings(
    String accessToken,
    String phoneNumberId,
    Optional<String> appSecret,
    Optional<String> verifyToken,
    URI messagesUri,
    Duration timeout) {

  /** Reads and checks the settings; one problem per setting. */
  static WhatsAppSettings from(ChannelConfig config) throws InvalidConfigException {
    List<String> problems = new ArrayList<>();
    String phoneNumberId = config.get(WhatsAppSchema.PHONE_NUMBER_ID).orElse("").trim();
    if (!phoneNumberId.matches("[0-9]{1,32}")) {
      problems.add(WhatsAppSchema.PHONE_NUMBER_ID + ": must be the numeric phone number ID");
    }
    String version =
        config.get(WhatsAppSchema.API_VERSION).orElse(WhatsAppSchema.DEFAULT_API_VERSION).trim();
    if (!version.matches("v[0-9]{1,3}\\.[0-9]{1,3}")) {
      problems.add(WhatsAppSchema.API_VERSION + ": must look like v26.0");
    }
    String base =
        config.get(WhatsAppSchema.BASE_URL).orElse(WhatsAppSchema.DEFAULT_BASE_URL).trim();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    long timeout = config.getLong(WhatsAppSchema.TIMEOUT_SECONDS, 30);
    if (timeout < 1 || timeout > 120) {
      problems.add(WhatsAppSchema.TIMEOUT_SECONDS + ": must be from 1 to 120");
    }
    String token = config.get(WhatsAppSchema.ACCESS_TOKEN).orElse("");
    if (token.isBlank()) {
      problems.add(WhatsAppSchema.ACCESS_TOKEN + ": is required");
    } else if (token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      problems.add(WhatsAppSchema.ACCESS_TOKEN + ": must be printable ASCII without spaces");
    }
    URI uri = null;
    try {
      uri = URI.create(base + "/" + version + "/" + phoneNumberId + "/messages");
    } catch (IllegalArgumentException e) {
      problems.add(WhatsAppSchema.BASE_URL + ": is not a valid URL");
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return new WhatsAppSettings(
        token.trim(),
        phoneNumberId,
        config.get(WhatsAppSchema.APP_SECRET),
        config.get(WhatsAppSchema.VERIFY_TOKEN),
        uri,
        Duration.ofSeconds(timeout));
  }

  /** The endpoint and phone number id; never a secret. */
  @Override
  public String toString() {
    return "WhatsAppSettings[" + messagesUri + ", timeout " + timeout.toSeconds() + " s]";
  }
}
