package io.herald.pluginhost.api;

import io.herald.plugin.api.ChannelDescriptor;
import io.herald.plugin.api.ConfigSchema;

/**
 * A channel provider factory contributed by a started plugin: what the console lists and renders a
 * settings form for.
 *
 * @param pluginId the plugin that contributes it
 * @param descriptor the factory's descriptor
 * @param configSchema the factory's settings
 */
public record ChannelProviderInfo(
    String pluginId, ChannelDescriptor descriptor, ConfigSchema configSchema) {}
