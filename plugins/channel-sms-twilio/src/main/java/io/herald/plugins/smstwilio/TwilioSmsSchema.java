package io.herald.plugins.smstwilio;

import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.ConfigProperty.Type;
import io.herald.plugin.api.ConfigSchema;
import java.util.List;

/** The settings of the {@code sms-twilio} channel: names and the schema the console renders. */
final class TwilioSmsSchema {

  static final String ACCOUNT_SID = "account_sid";
  static final String AUTH_TOKEN = "auth_token";
  static final String API_KEY_SID = "api_key_sid";
  static final String API_KEY_SECRET = "api_key_secret";
  static final String MESSAGING_SERVICE_SID = "messaging_service_sid";
  static final String FROM_NUMBER = "from_number";
  static final String STATUS_CALLBACK_URL = "status_callback_url";
  static final String HELP_TEXT = "help_text";
  static final String STOP_TEXT = "stop_text";
  static final String BASE_URL = "base_url";
  static final String TIMEOUT_MS = "timeout_ms";

  /** Twilio's REST API. */
  static final String DEFAULT_BASE_URL = "https://api.twilio.com";

  /** How long a call to Twilio may take, connection included. */
  static final int DEFAULT_TIMEOUT_MS = 10_000;

  /** The schema; immutable. */
  static final ConfigSchema SCHEMA =
      ConfigSchema.builder()
          .required(
              ACCOUNT_SID,
              "Account SID",
              Type.STRING,
              "Your Twilio account's SID (AC followed by 32 hex digits), from the Twilio Console.")
          .add(
              secret(
                  AUTH_TOKEN,
                  "Auth token",
                  Type.STRING,
                  "The account's primary auth token. Needed to check Twilio's signature on status"
                      + " callbacks and inbound messages; also used to send when no API key is set."))
          .optional(
              API_KEY_SID,
              "API key SID",
              Type.STRING,
              "Optional: send with an API key (SK…) instead of the auth token.")
          .add(
              secret(
                  API_KEY_SECRET,
                  "API key secret",
                  Type.STRING,
                  "The secret shown once when the API key was created."))
          .optional(
              MESSAGING_SERVICE_SID,
              "Messaging service SID",
              Type.STRING,
              "Send through this messaging service (MG…); its sender pool picks the number."
                  + " Either this or a sender number is needed.")
          .optional(
              FROM_NUMBER,
              "Sender",
              Type.STRING,
              "Default sender when no messaging service is set: a Twilio number in E.164 form"
                  + " (+14155550100), a short code or an alphanumeric sender ID.")
          .optional(
              STATUS_CALLBACK_URL,
              "Status callback URL",
              Type.URL,
              "For delivery reports: paste this setting's callback URL (shown after the first save)"
                  + " followed by /status. Empty: Twilio reports no statuses to Herald.")
          .optional(
              HELP_TEXT,
              "HELP reply",
              Type.TEXT,
              "Answer to HELP or INFO. Empty: Herald answers nothing (Twilio's own reply, if any).")
          .optional(
              STOP_TEXT,
              "STOP confirmation",
              Type.TEXT,
              "Answer to STOP and the other opt-out words. Empty: leave it to Twilio (its default"
                  + " reply or Advanced Opt-Out).")
          .add(
              new ConfigProperty(
                  BASE_URL,
                  "API base URL",
                  "Twilio's REST API; change only for tests or a proxy.",
                  Type.URL,
                  false,
                  false,
                  DEFAULT_BASE_URL,
                  List.of()))
          .add(
              new ConfigProperty(
                  TIMEOUT_MS,
                  "Timeout (ms)",
                  "How long one call to Twilio may take, connecting included.",
                  Type.INTEGER,
                  false,
                  false,
                  Integer.toString(DEFAULT_TIMEOUT_MS),
                  List.of()))
          .build();

  private TwilioSmsSchema() {}

  private static ConfigProperty secret(String name, String label, Type type, String help) {
    return new ConfigProperty(name, label, help, type, false, true, null, List.of());
  }
}
