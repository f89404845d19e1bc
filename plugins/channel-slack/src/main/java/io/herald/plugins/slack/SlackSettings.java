package io.herald.plugins.slack;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.InvalidConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The validated settings of one Slack channel. {@link #toString()} leaves the secrets out.
 *
 * @param webhookUrl the incoming webhook for messages without a recipient, if any
 * @param botToken the bot token for chat.postMessage, if any
 * @param defaultChannel the channel of bot messages without a recipient, if any
 * @param postMessageUri {@code {base_url}/api/chat.postMessage}
 * @param webhookPrefix what a recipient URL must start with
 * @param timeout the budget of one call
 */
record SlackSettings(
    Optional<URI> webhookUrl,
    Optional<String> botToken,
    Optional<String> defaultChannel,
    URI postMessageUri,
    String webhookPrefix,
    Duration timeout) {

  /** Reads and checks the settings; one problem per setting. */
  static SlackSettings from(ChannelConfig config) throws InvalidConfigException {
    List<String> problems = new ArrayList<>();
    Optional<String> token = config.get(SlackSchema.BOT_TOKEN).map(String::trim);
    if (token.isPresent() && !token.get().matches("xox[a-z]-[A-Za-z0-9-]+")) {
      problems.add(SlackSchema.BOT_TOKEN + ": must be a Slack token (xoxb-…)");
    }
    Optional<URI> webhook = Optional.empty();
    if (config.get(SlackSchema.WEBHOOK_URL).isPresent()) {
      try {
        webhook = Optional.of(URI.create(config.get(SlackSchema.WEBHOOK_URL).get().trim()));
      } catch (IllegalArgumentException e) {
        problems.add(SlackSchema.WEBHOOK_URL + ": is not a valid URL");
      }
    }
    if (webhook.isEmpty() && token.isEmpty()) {
      problems.add(SlackSchema.WEBHOOK_URL + ": set a webhook URL, a bot token or both");
    }
    String base = config.get(SlackSchema.BASE_URL).orElse(SlackSchema.DEFAULT_BASE_URL).trim();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String prefix =
        config
            .get(SlackSchema.WEBHOOK_BASE_URL)
            .orElse(SlackSchema.DEFAULT_WEBHOOK_BASE_URL)
            .trim();
    if (!prefix.endsWith("/")) {
      prefix = prefix + "/";
    }
    long timeout = config.getLong(SlackSchema.TIMEOUT_SECONDS, 10);
    if (timeout < 1 || timeout > 120) {
      problems.add(SlackSchema.TIMEOUT_SECONDS + ": must be from 1 to 120");
    }
    URI postMessage = null;
    try {
      postMessage = URI.create(base + "/api/chat.postMessage");
    } catch (IllegalArgumentException e) {
      problems.add(SlackSchema.BASE_URL + ": is not a valid URL");
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return new SlackSettings(
        webhook,
        token,
        config.get(SlackSchema.DEFAULT_CHANNEL).map(String::trim),
        postMessage,
        prefix,
        Duration.ofSeconds(timeout));
  }

  /** Which modes are configured; never a secret. */
  @Override
  public String toString() {
    return "SlackSettings[webhook "
        + (webhookUrl.isPresent() ? "set" : "unset")
        + ", bot token "
        + (botToken.isPresent() ? "set" : "unset")
        + ", "
        + postMessageUri.getHost()
        + "]";
  }
}
