package io.herald.messaging.api;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A saved channel setting. Secret values are never returned: {@code secretsSet} names the secret
 * keys that have a value.
 *
 * @param name the setting's name
 * @param channel the channel it sends
 * @param provider the plugin factory's descriptor id
 * @param settings the non-secret values
 * @param secretsSet the secret keys that have a stored value
 * @param isDefault whether it is the channel's default
 * @param rateLimit how fast it may send, null for no limit
 * @param updatedAt the last change
 * @param callbackUrl where the provider posts callbacks (bounces, complaints, delivery reports):
 *     {@code herald.public-url} + {@code /callbacks/} + the setting's random token
 */
public record ChannelSettingView(
    String name,
    String channel,
    String provider,
    Map<String, String> settings,
    Set<String> secretsSet,
    boolean isDefault,
    SendRateLimit rateLimit,
    Instant updatedAt,
    String callbackUrl) {

  /** Copies the collections. */
  public ChannelSettingView {
    settings = Map.copyOf(settings);
    secretsSet = Set.copyOf(secretsSet);
  }
}
