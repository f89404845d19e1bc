package io.herald.plugins.slack;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelDescriptor;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.ConfigSchema;
import io.herald.plugin.api.InvalidConfigException;
import org.pf4j.Extension;

/**
 * The {@code slack} channel: Slack messages (text and Block Kit) through incoming webhooks or
 * {@code chat.postMessage} with a bot token. See the plugin's README.
 */
@Extension
public class SlackChannelProviderFactory implements ChannelProviderFactory {

  /** The descriptor id of this channel. */
  public static final String ID = "slack";

  private static final ChannelDescriptor DESCRIPTOR =
      new ChannelDescriptor(
          ID,
          ChannelKind.SLACK,
          "Slack",
          "Posts Slack messages through incoming webhooks or a bot token (chat.postMessage).");

  /** Public no-argument constructor, as PF4J instantiates extensions. */
  public SlackChannelProviderFactory() {}

  @Override
  public ChannelDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConfigSchema configSchema() {
    return SlackSchema.SCHEMA;
  }

  @Override
  public ChannelProvider create(ChannelConfig config, ChannelPluginContext context)
      throws InvalidConfigException {
    return new SlackChannelProvider(SlackSettings.from(config), context);
  }
}
