package io.herald.plugins.webhook;

import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.ConfigSchema;
import java.util.List;

/** The settings of the {@code webhook} channel (see the README's table). */
final class WebhookSchema {

  static final String DEFAULT_TIMEOUT_SECONDS = "default_timeout_seconds";
  static final String ALLOW_PRIVATE_NETWORKS = "allow_private_networks";
  static final String ALLOWED_NETWORKS = "allowed_networks";

  /** The longest timeout a message or the setting may ask for. */
  static final int MAX_TIMEOUT_SECONDS = 300;

  static final ConfigSchema SCHEMA =
      ConfigSchema.builder()
          .add(
              new ConfigProperty(
                  DEFAULT_TIMEOUT_SECONDS,
                  "Default timeout (seconds)",
                  "How long a call may take, connecting included, when the message does not set"
                      + " timeout_seconds; 1 to "
                      + MAX_TIMEOUT_SECONDS
                      + ".",
                  ConfigProperty.Type.INTEGER,
                  false,
                  false,
                  "10",
                  List.of()))
          .add(
              new ConfigProperty(
                  ALLOWED_NETWORKS,
                  "Allowed private networks",
                  "Comma-separated address ranges (CIDR, e.g. 10.20.0.0/16, fd00::/8) that webhooks"
                      + " may call although they are private, loopback or link-local.",
                  ConfigProperty.Type.STRING,
                  false,
                  false,
                  null,
                  List.of()))
          .add(
              new ConfigProperty(
                  ALLOW_PRIVATE_NETWORKS,
                  "Allow every private address",
                  "Turns the SSRF guard off: webhooks may call loopback, link-local (cloud"
                      + " metadata) and private addresses. Only for trusted templates.",
                  ConfigProperty.Type.BOOLEAN,
                  false,
                  false,
                  "false",
                  List.of()))
          .build();

  private WebhookSchema() {}
}
