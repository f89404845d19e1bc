package io.herald.plugins.smstwilio;

import static io.herald.plugins.smstwilio.TwilioSmsSchema.ACCOUNT_SID;
import static io.herald.plugins.smstwilio.TwilioSmsSchema.API_KEY_SECRET;
import static io.herald.plugins.smstwilio.TwilioSmsSchema.API_KEY_SID;
import static io.herald.plugins.smstwilio.TwilioSmsSchema.AUTH_TOKEN;
import static io.herald.plugins.smstwilio.TwilioSmsSchema.BASE_URL;
import static io.herald.plugins.smstwilio.TwilioSmsSchema.FROM_NUMBER;
import static io.herald.plugins.smstwilio.TwilioSmsSchema.HELP_TEXT;
import static io.herald.plugins.smstwilio.TwilioSmsSchema.MESSAGING_SERVICE_SID;
import static io.herald.plugins.smstwilio.TwilioSmsSchema.STATUS_CALLBACK_URL;
import static io.herald.plugins.smstwilio.TwilioSmsSchema.STOP_TEXT;
import static io.herald.plugins.smstwilio.TwilioSmsSchema.TIMEOUT_MS;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.InvalidConfigException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checked settings of one Twilio provider. {@link #toString()} names no credential.
 *
 * @param accountSid the account (always in the API path, and the Basic user without an API key)
 * @param authToken the account's auth token: signs callbacks; the Basic password without a key
 * @param apiKeySid an API key SID (Basic user when set)
 * @param apiKeySecret the API key's secret (Basic password when the key is set)
 * @param messagingServiceSid the default messaging service, empty for none
 * @param fromNumber the default sender, empty for none
 * @param statusCallbackUrl where Twilio posts status reports, empty for none
 * @param helpText the answer to HELP / INFO, empty for none
 * @param stopText the answer to STOP and the other opt-out words, empty to leave it to Twilio
 * @param baseUrl the REST API's base URL without a trailing slash
 * @param timeout how long one call may take
 */
record TwilioSettings(
    String accountSid,
    Optional<String> authToken,
    Optional<String> apiKeySid,
    Optional<String> apiKeySecret,
    String messagingServiceSid,
    String fromNumber,
    String statusCallbackUrl,
    String helpText,
    String stopText,
    String baseUrl,
    Duration timeout) {

  static final Pattern ACCOUNT_SID_FORMAT = Pattern.compile("AC[0-9a-fA-F]{32}");
  static final Pattern API_KEY_SID_FORMAT = Pattern.compile("SK[0-9a-fA-F]{32}");
  static final Pattern SERVICE_SID_FORMAT = Pattern.compile("MG[0-9a-fA-F]{32}");

  /** Reads and checks the values that the schema alone cannot check. */
  static TwilioSettings from(ChannelConfig config) throws InvalidConfigException {
    List<String> problems = new ArrayList<>();
    String accountSid = config.get(ACCOUNT_SID).map(String::trim).orElse("");
    if (!ACCOUNT_SID_FORMAT.matcher(accountSid).matches()) {
      problems.add(ACCOUNT_SID + ": must be AC followed by 32 hexadecimal digits");
    }
    Optional<String> authToken = config.get(AUTH_TOKEN).map(String::trim);
    Optional<String> keySid = config.get(API_KEY_SID).map(String::trim);
    Optional<String> keySecret = config.get(API_KEY_SECRET).map(String::trim);
    if (keySid.isPresent() != keySecret.isPresent()) {
      problems.add(
          API_KEY_SID
              + " and "
              + API_KEY_SECRET
              + ": set both to send with an API key, or neither");
    }
    if (keySid.isPresent() && !API_KEY_SID_FORMAT.matcher(keySid.get()).matches()) {
      problems.add(API_KEY_SID + ": must be SK followed by 32 hexadecimal digits");
    }
    if (authToken.isEmpty() && (keySid.isEmpty() || keySecret.isEmpty())) {
      problems.add(
          AUTH_TOKEN + ": required unless " + API_KEY_SID + " and " + API_KEY_SECRET + " are set");
    }
    String service = config.get(MESSAGING_SERVICE_SID).map(String::trim).orElse("");
    if (!service.isEmpty() && !SERVICE_SID_FORMAT.matcher(service).matches()) {
      problems.add(MESSAGING_SERVICE_SID + ": must be MG followed by 32 hexadecimal digits");
    }
    String from = config.get(FROM_NUMBER).map(String::trim).orElse("");
    if (service.isEmpty() && from.isEmpty()) {
      problems.add(FROM_NUMBER + ": set a sender or a " + MESSAGING_SERVICE_SID);
    }
    String baseUrl =
        config.get(BASE_URL).map(String::trim).orElse(TwilioSmsSchema.DEFAULT_BASE_URL);
    while (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
    if (!isHttpUrl(baseUrl)) {
      problems.add(BASE_URL + ": must be an absolute http or https URL");
    }
    long timeoutMs = TwilioSmsSchema.DEFAULT_TIMEOUT_MS;
    try {
      timeoutMs = config.getLong(TIMEOUT_MS, TwilioSmsSchema.DEFAULT_TIMEOUT_MS);
    } catch (NumberFormatException e) {
      problems.add(TIMEOUT_MS + ": must be a whole number");
    }
    if (timeoutMs < 100 || timeoutMs > 120_000) {
      problems.add(TIMEOUT_MS + ": must be from 100 to 120000");
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return new TwilioSettings(
        accountSid,
        authToken,
        keySid,
        keySecret,
        service,
        from,
        config.get(STATUS_CALLBACK_URL).map(String::trim).orElse(""),
        config.get(HELP_TEXT).map(String::strip).orElse(""),
        config.get(STOP_TEXT).map(String::strip).orElse(""),
        baseUrl,
        Duration.ofMillis(timeoutMs));
  }

  /** {@code Basic base64(user:password)}: the API key when set, else the account and its token. */
  String authorization() {
    String user = apiKeySid.orElse(accountSid);
    String password = apiKeySid.isPresent() ? apiKeySecret.orElseThrow() : authToken.orElseThrow();
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** {@code {base}/2010-04-01/Accounts/{AccountSid}/Messages.json}. */
  URI messagesUri() {
    return URI.create(baseUrl + "/2010-04-01/Accounts/" + accountSid + "/Messages.json");
  }

  /** {@code {base}/2010-04-01/Accounts/{AccountSid}.json}: the account, for health checks. */
  URI accountUri() {
    return URI.create(baseUrl + "/2010-04-01/Accounts/" + accountSid + ".json");
  }

  /** Which credential sends, for messages: never its value. */
  String credentialName() {
    return apiKeySid.map(k -> "API key " + k).orElse("auth token");
  }

  /** No secret values. */
  @Override
  public String toString() {
    return "TwilioSettings[account="
        + accountSid
        + ", credential="
        + credentialName()
        + ", messagingService="
        + messagingServiceSid
        + ", from="
        + fromNumber
        + ", baseUrl="
        + baseUrl
        + "]";
  }

  private static boolean isHttpUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
