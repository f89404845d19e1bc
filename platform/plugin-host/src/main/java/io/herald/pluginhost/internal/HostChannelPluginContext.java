package io.herald.pluginhost.internal;

import io.herald.plugin.api.ChannelPluginContext;
import java.time.Clock;
import java.util.Objects;

/**
 * What the host lends the providers of one plugin: its id, the application clock and a logger named
 * {@code herald.plugin.<id>}, so operators can tune each plugin's logging on its own.
 *
 * @param pluginId the PF4J id of the plugin that owns the provider
 * @param clock the host's clock
 * @param logger the plugin's logger
 */
record HostChannelPluginContext(String pluginId, Clock clock, System.Logger logger)
    implements ChannelPluginContext {

  /** Prefix of every plugin logger name. */
  static final String LOGGER_PREFIX = "herald.plugin.";

  /** Requires every field. */
  HostChannelPluginContext {
    Objects.requireNonNull(pluginId, "pluginId");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(logger, "logger");
  }

  /** The context of {@code pluginId}, logging to {@code herald.plugin.<pluginId>}. */
  static HostChannelPluginContext forPlugin(String pluginId, Clock clock) {
    return new HostChannelPluginContext(
        pluginId, clock, System.getLogger(LOGGER_PREFIX + pluginId));
  }
}
