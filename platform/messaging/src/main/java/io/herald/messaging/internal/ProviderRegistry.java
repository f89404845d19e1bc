package io.herald.messaging.internal;

import io.herald.messaging.api.SendRateLimit;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.InvalidConfigException;
import io.herald.pluginhost.api.PluginHost;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The node's providers, one per channel setting, created from the plugin host and replaced when the
 * setting's version changes (the old one is closed).
 */
@ApplicationScoped
public class ProviderRegistry {

  private static final Logger LOG = Logger.getLogger(ProviderRegistry.class.getName());

  @Inject PluginHost plugins;

  @Inject DefaultChannelSettings settings;

  /** Providers Herald's own modules supply (in-app), used when no setting names the channel. */
  @Inject jakarta.enterprise.inject.Instance<io.herald.messaging.api.BuiltInChannel> builtIns;

  private record Key(long workspaceId, String name) {}

  private record Live(int version, ChannelProvider provider) {}

  private final Map<Key, Live> live = new ConcurrentHashMap<>();

  /**
   * A provider and the setting it was made from.
   *
   * @param rateLimit the setting's send rate limit, null for none
   * @param version the setting's version (its rate-limit buckets start fresh when it changes)
   */
  record Resolved(
      String settingName, ChannelProvider provider, SendRateLimit rateLimit, int version) {

    Resolved(String settingName, ChannelProvider provider) {
      this(settingName, provider, null, 0);
    }
  }

  /**
   * The provider for a named setting, or the channel's default when {@code settingName} is null.
   *
   * @return empty when no setting exists
   * @throws InvalidConfigException when the plugin refuses the stored settings
   */
  Optional<Resolved> resolve(long workspaceId, String channel, String settingName)
      throws InvalidConfigException {
    Optional<DefaultChannelSettings.Stored> stored =
        settingName == null
            ? settings.defaultFor(workspaceId, channel)
            : settings.stored(workspaceId, settingName);
    if (stored.isEmpty()) {
      return settingName == null ? builtIn(channel) : Optional.empty();
    }
    DefaultChannelSettings.Stored s = stored.get();
    Key key = new Key(workspaceId, s.name());
    Live current = live.get(key);
    if (current != null && current.version() == s.version()) {
      return Optional.of(new Resolved(s.name(), current.provider(), s.rateLimit(), s.version()));
    }
    synchronized (this) {
      current = live.get(key);
      if (current != null && current.version() == s.version()) {
        return Optional.of(new Resolved(s.name(), current.provider(), s.rateLimit(), s.version()));
      }
      ChannelProvider provider =
          plugins.createProvider(s.provider(), new ChannelConfig(s.values()));
      live.put(key, new Live(s.version(), provider));
      if (current != null) {
        close(current.provider());
      }
      return Optional.of(new Resolved(s.name(), provider, s.rateLimit(), s.version()));
    }
  }

  /** A module's own provider of the channel ({@code built-in:<channel>}), if one is deployed. */
  private Optional<Resolved> builtIn(String channel) {
    if (builtIns == null) {
      return Optional.empty();
    }
    for (io.herald.messaging.api.BuiltInChannel b : builtIns) {
      if (b.channel().equals(channel)) {
        return Optional.of(new Resolved("built-in:" + channel, b.provider()));
      }
    }
    return Optional.empty();
  }

  @PreDestroy
  void closeAll() {
    live.values().forEach(l -> close(l.provider()));
    live.clear();
  }

  private static void close(ChannelProvider provider) {
    try {
      provider.close();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "closing a channel provider failed", e);
    }
  }
}
