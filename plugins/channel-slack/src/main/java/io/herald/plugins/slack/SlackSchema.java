package io.herald.plugins.slack;

import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.ConfigSchema;
import java.util.List;

/** The settings of the {@code slack} channel (see the README's table). */
final class SlackSchema {

  static final String WEBHOOK_URL = "webhook_url";
  static final String BOT_TOKEN = "bot_token";
  static final String DEFAULT_CHANNEL = "default_channel";
  static final String BASE_URL = "base_url";
  static final String WEBHOOK_BASE_URL = "webhook_base_url";
  static final String TIMEOUT_SECONDS = "timeout_seconds";

  static final String DEFAULT_BASE_URL = "https://slack.com";
  static final String DEFAULT_WEBHOOK_BASE_URL = "https://hooks.slack.com/";

  static final ConfigSchema SCHEMA =
      ConfigSchema.builder()
          .add(
              new ConfigProperty(
                  WEBHOOK_URL,
                  "Incoming webhook URL",
                  "https://hooks.slack.com/services/…: messages without a recipient go here.",
                  ConfigProperty.Type.URL,
                  false,
                  true,
                  null,
                  List.of()))
          .add(
              new ConfigProperty(
                  BOT_TOKEN,
                  "Bot token",
                  "xoxb-… of a Slack app with chat:write: messages to a channel ID are posted with"
                      + " chat.postMessage.",
                  ConfigProperty.Type.STRING,
                  false,
                  true,
                  null,
                  List.of()))
          .add(
              new ConfigProperty(
                  DEFAULT_CHANNEL,
                  "Default channel",
                  "Channel ID (C…) for bot messages without a recipient when no webhook URL is set.",
                  ConfigProperty.Type.STRING,
                  false,
                  false,
                  null,
                  List.of()))
          .add(
              new ConfigProperty(
                  BASE_URL,
                  "Slack API base URL",
                  "Where chat.postMessage is called; change only for a proxy or tests.",
                  ConfigProperty.Type.URL,
                  false,
                  false,
                  DEFAULT_BASE_URL,
                  List.of()))
          .add(
              new ConfigProperty(
                  WEBHOOK_BASE_URL,
                  "Incoming webhook URL prefix",
                  "A recipient that is a URL must start with this (so a template cannot post"
                      + " elsewhere); change only for a proxy or tests.",
                  ConfigProperty.Type.URL,
                  false,
                  false,
                  DEFAULT_WEBHOOK_BASE_URL,
                  List.of()))
          .add(
              new ConfigProperty(
                  TIMEOUT_SECONDS,
                  "Timeout (seconds)",
                  "How long a call to Slack may take, 1 to 120.",
                  ConfigProperty.Type.INTEGER,
                  false,
                  false,
                  "10",
                  List.of()))
          .build();

  private SlackSchema() {}
}
