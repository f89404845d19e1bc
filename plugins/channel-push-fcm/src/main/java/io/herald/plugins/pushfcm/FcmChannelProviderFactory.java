package io.herald.plugins.pushfcm;

import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The {@code push-fcm} channel: push notifications to Android and iOS apps through Firebase Cloud
 * Messaging's HTTP v1 API, authorized by a service account. One provider per Firebase project. See
 * the plugin's README for the settings, the payload mapping and the error mapping.
 */
@Extension
public class FcmChannelProviderFactory implements ChannelProviderFactory {

  /** The descriptor id of this channel. */
  public static final String ID = "push-fcm";

  private static final ChannelDescriptor DESCRIPTOR =
      new ChannelDescriptor(
          ID,
          ChannelKind.PUSH,
          "Push (Firebase Cloud Messaging)",
          "Sends push notifications to Android and iOS devices through the FCM HTTP v1 API.");

  /** Public no-argument constructor, as PF4J instantiates extensions. */
  public FcmChannelProviderFactory() {}

  @Override
  public ChannelDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConfigSchema configSchema() {
    return FcmSchema.SCHEMA;
  }

  @Override
  public ChannelProvider create(ChannelConfig config, ChannelPluginContext context)
      throws InvalidConfigException {
    ObjectMapper mapper = new ObjectMapper();
    FcmSettings settings = FcmSettings.from(config, mapper);
    return new FcmChannelProvider(settings, context, mapper);
  }
}
