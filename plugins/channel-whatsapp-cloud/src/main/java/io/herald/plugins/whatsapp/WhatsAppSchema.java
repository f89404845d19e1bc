package io.herald.plugins.whatsapp;

import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.ConfigSchema;
import java.util.List;

/** The settings of the {@code whatsapp-cloud} channel (see the README's table). */
final class WhatsAppSchema {

  static final String ACCESS_TOKEN = "access_token";
  static final String PHONE_NUMBER_ID = "phone_number_id";
  static final String APP_SECRET = "app_secret";
  static final String VERIFY_TOKEN = "verify_token";
  static final String API_VERSION = "api_version";
  static final String BASE_URL = "base_url";
  static final String TIMEOUT_SECONDS = "timeout_seconds";

  /** The newest Graph API version when this plugin was written (v26.0, July 2026). */
  static final String DEFAULT_API_VERSION = "v26.0";

  static final String DEFAULT_BASE_URL = "https://graph.facebook.com";

  static final ConfigSchema SCHEMA =
      ConfigSchema.builder()
          .add(
              new ConfigProperty(
                  PHONE_NUMBER_ID,
                  "Phone number ID",
                  "The business phone number's ID (WhatsApp Manager or App Dashboard > WhatsApp >"
                      + " API Setup), not the number itself.",
                  ConfigProperty.Type.STRING,
                  true,
                  false,
                  null,
                  List.of()))
          .add(
              new ConfigProperty(
                  ACCESS_TOKEN,
                  "Access token",
                  "A system user access token with whatsapp_business_messaging.",
                  ConfigProperty.Type.STRING,
                  true,
                  true,
                  null,
                  List.of()))
          .add(
              new ConfigProperty(
                  APP_SECRET,
                  "App secret",
                  "The Meta app's secret (App Settings > Basic): checks X-Hub-Signature-256 on"
                      + " webhooks. Without it webhooks are refused.",
                  ConfigProperty.Type.STRING,
                  false,
                  true,
                  null,
                  List.of()))
          .add(
              new ConfigProperty(
                  VERIFY_TOKEN,
                  "Verify token",
                  "Any string you also enter as the webhook's verify token in the App Dashboard;"
                      + " answers Meta's subscription handshake.",
                  ConfigProperty.Type.STRING,
                  false,
                  true,
                  null,
                  List.of()))
          .add(
              new ConfigProperty(
                  API_VERSION,
                  "Graph API version",
                  "For example v26.0.",
                  ConfigProperty.Type.STRING,
                  false,
                  false,
                  DEFAULT_API_VERSION,
                  List.of()))
          .add(
              new ConfigProperty(
                  BASE_URL,
                  "Graph API base URL",
                  "Change only for a proxy or tests.",
                  ConfigProperty.Type.URL,
                  false,
                  false,
                  DEFAULT_BASE_URL,
                  List.of()))
          .add(
              new ConfigProperty(
                  TIMEOUT_SECONDS,
                  "Timeout (seconds)",
                  "How long a call to the Graph API may take, 1 to 120.",
                  ConfigProperty.Type.INTEGER,
                  false,
                  false,
                  "30",
                  List.of()))
          .build();

  private WhatsAppSchema() {}
}
