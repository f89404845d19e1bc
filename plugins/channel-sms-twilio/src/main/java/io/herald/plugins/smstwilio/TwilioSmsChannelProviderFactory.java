package io.herald.plugins.smstwilio;

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
 * The {@code sms-twilio} channel: SMS through Twilio's Messages API, with signed status callbacks
 * and incoming messages (STOP, START, HELP, replies). See the plugin's README.
 */
@Extension
public class TwilioSmsChannelProviderFactory implements ChannelProviderFactory {

  /** The descriptor id of this channel. */
  public static final String ID = "sms-twilio";

  private static final ChannelDescriptor DESCRIPTOR =
      new ChannelDescriptor(
          ID,
          ChannelKind.SMS,
          "SMS (Twilio)",
          "Sends SMS through Twilio (auth token or API key, a messaging service or a sender"
              + " number), with delivery reports and STOP / START / HELP handling.");

  /** Public no-argument constructor, as PF4J instantiates extensions. */
  public TwilioSmsChannelProviderFactory() {}

  @Override
  public ChannelDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConfigSchema configSchema() {
    return TwilioSmsSchema.SCHEMA;
  }

  @Override
  public ChannelProvider create(ChannelConfig config, ChannelPluginContext context)
      throws InvalidConfigException {
    return new TwilioSmsChannelProvider(TwilioSettings.from(config), context);
  }
}
