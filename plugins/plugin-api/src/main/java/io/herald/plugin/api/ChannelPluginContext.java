package io.herald.plugin.api;

import java.time.Clock;

/**
 * Everything the host lends a provider. Plugins get time, logging and identity from here instead of
 * statics, so the host can test, meter and isolate them. It grows in minor versions only.
 */
public interface ChannelPluginContext {

  /** The PF4J id of the plugin that owns the provider. */
  String pluginId();

  /** The host's clock; use it instead of {@code Instant.now()}. */
  Clock clock();

  /**
   * A logger named after the plugin. Never log secrets or message bodies: the host's logs are read
   * by operators.
   */
  System.Logger logger();
}
