package io.herald.plugins.emailsmtp;

import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.ConfigProperty.Type;
import io.herald.plugin.api.ConfigSchema;
import java.util.List;

/** The settings of the {@code email-smtp} channel: names and the schema the console renders. */
final class EmailSmtpSchema {

  static final String HOST = "host";
  static final String PORT = "port";
  static final String SECURITY = "security";
  static final String USERNAME = "username";
  static final String PASSWORD = "password";
  static final String DEFAULT_FROM = "default_from";
  static final String POOL_SIZE = "pool_size";
  static final String CONNECT_TIMEOUT_MS = "connect_timeout_ms";
  static final String TIMEOUT_MS = "timeout_ms";
  static final String TRUST_ALL_CERTIFICATES = "trust_all_certificates";
  static final String DKIM_DOMAIN = "dkim_domain";
  static final String DKIM_SELECTOR = "dkim_selector";
  static final String DKIM_PRIVATE_KEY = "dkim_private_key";
  static final String CALLBACK_SECRET = "callback_secret";

  /** The schema; immutable. */
  static final ConfigSchema SCHEMA =
      ConfigSchema.builder()
          .required(HOST, "SMTP host", Type.STRING, "Host name or IP address of the SMTP server.")
          .add(
              withDefault(
                  PORT,
                  "Port",
                  Type.INTEGER,
                  "587 for STARTTLS submission, 465 for implicit TLS, 25 for relays.",
                  Integer.toString(SmtpSettings.DEFAULT_PORT)))
          .add(
              new ConfigProperty(
                  SECURITY,
                  "Security",
                  "starttls: plain connection upgraded with STARTTLS, which the server must offer;"
                      + " tls: TLS from the start (SMTPS); none: no encryption.",
                  Type.CHOICE,
                  false,
                  false,
                  SmtpSettings.Security.STARTTLS.value(),
                  List.of(
                      SmtpSettings.Security.STARTTLS.value(),
                      SmtpSettings.Security.TLS.value(),
                      SmtpSettings.Security.NONE.value())))
          .optional(
              USERNAME,
              "Username",
              Type.STRING,
              "SMTP AUTH user; leave empty for no authentication.")
          .add(
              new ConfigProperty(
                  PASSWORD,
                  "Password",
                  "SMTP AUTH password.",
                  Type.STRING,
                  false,
                  true,
                  null,
                  List.of()))
          .required(
              DEFAULT_FROM,
              "Default sender",
              Type.STRING,
              "RFC 5322 address used when a message names no sender, e.g. Acme <hello@acme.test>.")
          .add(
              withDefault(
                  POOL_SIZE,
                  "Connections",
                  Type.INTEGER,
                  "How many SMTP connections are kept open and used in parallel (1 to 64).",
                  Integer.toString(SmtpSettings.DEFAULT_POOL_SIZE)))
          .add(
              withDefault(
                  CONNECT_TIMEOUT_MS,
                  "Connect timeout (ms)",
                  Type.INTEGER,
                  "How long to wait for the TCP connection.",
                  Integer.toString(SmtpSettings.DEFAULT_CONNECT_TIMEOUT_MS)))
          .add(
              withDefault(
                  TIMEOUT_MS,
                  "Read timeout (ms)",
                  Type.INTEGER,
                  "How long to wait for each server reply.",
                  Integer.toString(SmtpSettings.DEFAULT_TIMEOUT_MS)))
          .add(
              withDefault(
                  TRUST_ALL_CERTIFICATES,
                  "Trust any certificate",
                  Type.BOOLEAN,
                  "For tests and development only: accept any server certificate and host name.",
                  "false"))
          .optional(
              DKIM_DOMAIN,
              "DKIM domain",
              Type.STRING,
              "Signing domain (d=). DKIM is on when domain, selector and key are all set.")
          .optional(
              DKIM_SELECTOR,
              "DKIM selector",
              Type.STRING,
              "Selector (s=) under which the public key is published in DNS.")
          .add(
              new ConfigProperty(
                  DKIM_PRIVATE_KEY,
                  "DKIM private key",
                  "RSA private key, unencrypted PKCS#8 PEM (-----BEGIN PRIVATE KEY-----).",
                  Type.TEXT,
                  false,
                  true,
                  null,
                  List.of()))
          .add(
              new ConfigProperty(
                  CALLBACK_SECRET,
                  "Callback secret",
                  "Bounce and complaint intake: when set, posts to the callback URL must carry it"
                      + " in the X-Herald-Callback-Secret header.",
                  Type.STRING,
                  false,
                  true,
                  null,
                  List.of()))
          .build();

  private EmailSmtpSchema() {}

  private static ConfigProperty withDefault(
      String name, String label, Type type, String help, String defaultValue) {
    return new ConfigProperty(name, label, help, type, false, false, defaultValue, List.of());
  }
}
