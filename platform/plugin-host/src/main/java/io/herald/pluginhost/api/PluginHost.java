package io.herald.pluginhost.api;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.InvalidConfigException;
import java.util.List;

/** The loaded plugins and what they contribute. */
public interface PluginHost {

  /** The plugin API version plugins are checked against (PF4J {@code systemVersion}). */
  String pluginApiVersion();

  /** Where plugins are loaded from. */
  String pluginsDirectory();

  /** Every plugin found, whatever its state, by id. */
  List<PluginInfo> plugins();

  /** Channel provider factories of started plugins, by descriptor id. */
  List<ChannelProviderInfo> channelProviders();

  /** Whether the host finished loading (plugins that failed do not make it unready). */
  boolean ready();

  /**
   * Creates a provider from a started plugin's factory. The host validates {@code config} against
   * the factory's schema first, fills in declared defaults for missing values, and lends the
   * provider a context for the plugin (clock, logger {@code herald.plugin.<plugin id>}). The caller
   * owns the provider and must close it.
   *
   * @param channelProviderId the factory's descriptor id, as in {@link #channelProviders()}
   * @param config the settings, secrets decrypted
   * @return a new provider
   * @throws InvalidConfigException when the settings fail the schema or the factory refuses them
   * @throws IllegalArgumentException when no started plugin provides {@code channelProviderId}
   * @throws IllegalStateException when the factory fails unexpectedly
   */
  ChannelProvider createProvider(String channelProviderId, ChannelConfig config)
      throws InvalidConfigException;
}
