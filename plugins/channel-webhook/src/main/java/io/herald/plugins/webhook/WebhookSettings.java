package io.herald.plugins.webhook;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.InvalidConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The validated settings of one webhook channel.
 *
 * @param defaultTimeout the budget of a call whose message sets none
 * @param policy which addresses calls may reach
 */
record WebhookSettings(Duration defaultTimeout, AddressPolicy policy) {

  /** Reads and checks the settings; one problem per setting. */
  static WebhookSettings from(ChannelConfig config) throws InvalidConfigException {
    List<String> problems = new ArrayList<>();
    long timeout = config.getLong(WebhookSchema.DEFAULT_TIMEOUT_SECONDS, 10);
    if (timeout < 1 || timeout > WebhookSchema.MAX_TIMEOUT_SECONDS) {
      problems.add(
          WebhookSchema.DEFAULT_TIMEOUT_SECONDS
              + ": must be from 1 to "
              + WebhookSchema.MAX_TIMEOUT_SECONDS);
    }
    List<Cidr> allowed = new ArrayList<>();
    for (String range : config.get(WebhookSchema.ALLOWED_NETWORKS).orElse("").split("[,\\s]+")) {
      if (range.isBlank()) {
        continue;
      }
      try {
        allowed.add(Cidr.parse(range));
      } catch (IllegalArgumentException e) {
        problems.add(WebhookSchema.ALLOWED_NETWORKS + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    boolean allowPrivate = config.getBoolean(WebhookSchema.ALLOW_PRIVATE_NETWORKS, false);
    return new WebhookSettings(
        Duration.ofSeconds(timeout), new AddressPolicy(allowPrivate, allowed));
  }
}
