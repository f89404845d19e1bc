package io.herald.plugins.whatsapp;

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
 * The {@code whatsapp-cloud} channel: WhatsApp text, template and media messages through Meta's
 * Cloud API, with its webhook for statuses and inbound messages. See the plugin's README.
 */
@Extension
public class WhatsAppChannelProviderFactory implements ChannelProviderFactory {

  /** The descriptor id of this channel. */
  public static final String ID = "whatsapp-cloud";

  private static final ChannelDescriptor DESCRIPTOR =
      new ChannelDescriptor(
          ID,
          ChannelKind.WHATSAPP,
          "WhatsApp (Cloud API)",
          "Sends WhatsApp messages through Meta's Cloud API and reads its webhook.");

  /** Public no-argument constructor, as PF4J instantiates extensions. */
  public WhatsAppChannelProviderFactory() {}

  @Override
  public ChannelDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConfigSchema configSchema() {
    return WhatsAppSchema.SCHEMA;
  }

  @Override
  public ChannelProvider create(ChannelConfig config, ChannelPluginContext context)
      throws InvalidConfigException {
    return new WhatsAppChannelProvider(WhatsAppSettings.from(config), context);
  }
}
