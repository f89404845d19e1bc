package io.herald.plugins.webhook;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelDescriptor;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.ChannelPluginContext;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.ConfigSchema;
import io.herald.plugin.api.InvalidConfigException;
import java.net.InetAddress;
import javax.net.ssl.SSLSocketFactory;
import org.pf4j.Extension;

/**
 * The {@code webhook} channel: calls a URL with the rendered body, refusing private addresses
 * unless the operator allows them, and keeps the answer for journey branches. See the plugin's
 * README.
 */
@Extension
public class WebhookChannelProviderFactory implements ChannelProviderFactory {

  /** The descriptor id of this channel. */
  public static final String ID = "webhook";

  private static final ChannelDescriptor DESCRIPTOR =
      new ChannelDescriptor(
          ID,
          ChannelKind.WEBHOOK,
          "Webhook",
          "Calls an HTTP(S) URL with the rendered body; private addresses are refused unless"
              + " allowed.");

  /** Public no-argument constructor, as PF4J instantiates extensions. */
  public WebhookChannelProviderFactory() {}

  @Override
  public ChannelDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConfigSchema configSchema() {
    return WebhookSchema.SCHEMA;
  }

  @Override
  public ChannelProvider create(ChannelConfig config, ChannelPluginContext context)
      throws InvalidConfigException {
    return new WebhookChannelProvider(
        WebhookSettings.from(config),
        context,
        InetAddress::getAllByName,
        (SSLSocketFactory) SSLSocketFactory.getDefault());
  }
}
