package io.herald.pluginhost.api;

import java.util.List;

/**
 * One plugin found in the plugins directory.
 *
 * @param id PF4J plugin id
 * @param version the plugin's version
 * @param provider who made it (may be empty)
 * @param description what it does (may be empty)
 * @param requires its {@code plugin.requires} expression against the plugin API version
 * @param status what the host did with it
 * @param reason why it is not started, empty when started
 * @param channelProviders ids of the channel provider factories it contributes
 */
public record PluginInfo(
    String id,
    String version,
    String provider,
    String description,
    String requires,
    PluginStatus status,
    String reason,
    List<String> channelProviders) {

  /** Copies the list. */
  public PluginInfo {
    channelProviders = List.copyOf(channelProviders);
  }
}
