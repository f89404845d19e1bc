package io.herald.messaging.api;

import java.util.Map;

/**
 * The settings of a channel provider, as an admin saves them.
 *
 * @param name the setting's name in the workspace (lower-case slug)
 * @param channel the channel it sends, e.g. {@code email}
 * @param provider the plugin factory's descriptor id, e.g. {@code email-smtp}
 * @param settings values by schema key; a secret left out keeps its stored value
 * @param isDefault whether sends on this channel use it when they name none
 * @param rateLimit how fast it may send, null for no limit
 */
public record ChannelSettingInput(
    String name,
    String channel,
    String provider,
    Map<String, String> settings,
    boolean isDefault,
    SendRateLimit rateLimit) {

  /** Copies the map. */
  public ChannelSettingInput {
    settings = settings == null ? Map.of() : Map.copyOf(settings);
  }
}
