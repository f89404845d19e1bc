package io.herald.plugins.pushapns;

import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.ConfigProperty.Type;
import io.herald.plugin.api.ConfigSchema;
import java.util.List;

/** The settings of the {@code push-apns} channel: names and the schema the console renders. */
final class ApnsSchema {

  static final String KEY_P8 = "key_p8";
  static final String KEY_ID = "key_id";
  static final String TEAM_ID = "team_id";
  static final String BUNDLE_ID = "bundle_id";
  static final String ENVIRONMENT = "environment";
  static final String BASE_URL = "base_url";
  static final String EXPIRATION_SECONDS = "expiration_seconds";
  static final String TOKEN_REFRESH_MINUTES = "token_refresh_minutes";
  static final String TIMEOUT_MS = "timeout_ms";

  static final String PRODUCTION = "production";
  static final String SANDBOX = "sandbox";
  static final String PRODUCTION_URL = "https://api.push.apple.com";
  static final String SANDBOX_URL = "https://api.sandbox.push.apple.com";
  static final int DEFAULT_EXPIRATION_SECONDS = 86_400;
  static final int DEFAULT_TOKEN_REFRESH_MINUTES = 40;
  static final int DEFAULT_TIMEOUT_MS = 10_000;

  /** The schema; immutable. */
  static final ConfigSchema SCHEMA =
      ConfigSchema.builder()
          .add(
              new ConfigProperty(
                  KEY_P8,
                  "Signing key (.p8)",
                  "The APNs authentication key from Certificates, Identifiers & Profiles > Keys,"
                      + " pasted whole (-----BEGIN PRIVATE KEY-----).",
                  Type.TEXT,
                  true,
                  true,
                  null,
                  List.of()))
          .required(KEY_ID, "Key ID", Type.STRING, "The 10-character id of that key.")
          .required(TEAM_ID, "Team ID", Type.STRING, "Your 10-character Apple Developer team id.")
          .required(
              BUNDLE_ID,
              "Bundle ID (topic)",
              Type.STRING,
              "The app's bundle id, sent as apns-topic, e.g. com.acme.app.")
          .add(
              new ConfigProperty(
                  ENVIRONMENT,
                  "Environment",
                  "production: api.push.apple.com (App Store, TestFlight); sandbox:"
                      + " api.sandbox.push.apple.com (development builds).",
                  Type.CHOICE,
                  false,
                  false,
                  PRODUCTION,
                  List.of(PRODUCTION, SANDBOX)))
          .optional(
              BASE_URL,
              "Base URL override",
              Type.URL,
              "Replaces the environment's host; for a proxy or a test server only.")
          .add(
              withDefault(
                  EXPIRATION_SECONDS,
                  "Expiration (s)",
                  "How long APNs keeps trying an offline device (apns-expiration); 0 means once.",
                  Integer.toString(DEFAULT_EXPIRATION_SECONDS)))
          .add(
              withDefault(
                  TOKEN_REFRESH_MINUTES,
                  "Token reuse (min)",
                  "How long one signed provider token is reused, 20 to 50 minutes (Apple refuses"
                      + " new tokens more often than every 20 minutes and tokens older than 60).",
                  Integer.toString(DEFAULT_TOKEN_REFRESH_MINUTES)))
          .add(
              withDefault(
                  TIMEOUT_MS,
                  "Timeout (ms)",
                  "How long to wait for a connection and for each answer (100 to 120000).",
                  Integer.toString(DEFAULT_TIMEOUT_MS)))
          .build();

  private ApnsSchema() {}

  private static ConfigProperty withDefault(
      String name, String label, String help, String defaultValue) {
    return new ConfigProperty(
        name, label, help, Type.INTEGER, false, false, defaultValue, List.of());
  }
}
