package io.herald.plugins.pushfcm;

import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.ConfigProperty.Type;
import io.herald.plugin.api.ConfigSchema;
import java.util.List;

/** The settings of the {@code push-fcm} channel: names and the schema the console renders. */
final class FcmSchema {

  static final String SERVICE_ACCOUNT_JSON = "service_account_json";
  static final String BASE_URL = "base_url";
  static final String TOKEN_URL = "token_url";
  static final String TIMEOUT_MS = "timeout_ms";

  static final String DEFAULT_BASE_URL = "https://fcm.googleapis.com";
  static final int DEFAULT_TIMEOUT_MS = 10_000;

  /** The schema; immutable. */
  static final ConfigSchema SCHEMA =
      ConfigSchema.builder()
          .add(
              new ConfigProperty(
                  SERVICE_ACCOUNT_JSON,
                  "Service account key (JSON)",
                  "The JSON key file of a Firebase service account (Project settings > Service"
                      + " accounts > Generate new private key), pasted whole.",
                  Type.TEXT,
                  true,
                  true,
                  null,
                  List.of()))
          .add(
              new ConfigProperty(
                  BASE_URL,
                  "FCM base URL",
                  "Where the HTTP v1 API is; change only for a proxy or a test server.",
                  Type.URL,
                  false,
                  false,
                  DEFAULT_BASE_URL,
                  List.of()))
          .optional(
              TOKEN_URL,
              "Token URL override",
              Type.URL,
              "Where to exchange the signed JWT for an access token; empty means the key's"
                  + " token_uri.")
          .add(
              new ConfigProperty(
                  TIMEOUT_MS,
                  "Timeout (ms)",
                  "How long to wait for a connection and for each answer (100 to 120000).",
                  Type.INTEGER,
                  false,
                  false,
                  Integer.toString(DEFAULT_TIMEOUT_MS),
                  List.of()))
          .build();

  private FcmSchema() {}
}
