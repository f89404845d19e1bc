package io.herald.messaging.internal;

import io.herald.messaging.api.HostChannelProvider;
import io.herald.messaging.api.SendRateLimit;
import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.InvalidConfigException;
import io.herald.pluginhost.api.PluginHost;
import io.herald.workspace.api.WorkspaceId;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The node's providers, one per channel setting, created from the plugin host (or a {@link
 * HostChannelProvider} the setting names) and replaced when the setting's version changes (the old
 * one is closed). A channel with no setting in the workspace goes to the host provider serving it,
 * if there is one. The setting a send uses is read at most once a second per workspace, channel and
 * name (a read per message cost a sending loop more than the send itself); a save or delete on this
 * node is seen at once, one on another node within that second.
 */
@ApplicationScoped
public class ProviderRegistry {

  private static final Logger LOG = Logger.getLogger(ProviderRegistry.class.getName());

  @Inject PluginHost plugins;

  @Inject DefaultChannelSettings settings;

  @Inject Instance<HostChannelProvider> hosts;

  /** How long a setting read for sending is reused; changes made on this node apply at once. */
  static final Duration READ_FOR = Duration.ofSeconds(1);

  @Inject Clock clock;

  private record Key(long workspaceId, String name) {}

  /** A setting looked up for sending: by name, or the channel's default (name null). */
  private record Lookup(long workspaceId, String channel, String name) {}

  /** What a lookup found, the settings' local change count then, and when. */
  private record Read(Optional<DefaultChannelSettings.Stored> stored, long changes, Instant at) {}

  private final Map<Lookup, Read> reads = new ConcurrentHashMap<>();

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
    Optional<DefaultChannelSettings.Stored> stored = read(workspaceId, channel, settingName);
    if (stored.isEmpty()) {
      return settingName == null ? hostDefault(workspaceId, channel) : Optional.empty();
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
      Optional<HostChannelProvider> host = host(s.provider());
      ChannelProvider provider =
          host.isPresent()
              ? host.get().create(new WorkspaceId(workspaceId))
              : plugins.createProvider(s.provider(), new ChannelConfig(s.values()));
      live.put(key, new Live(s.version(), provider));
      if (current != null) {
        close(current.provider());
      }
      return Optional.of(new Resolved(s.name(), provider, s.rateLimit(), s.version()));
    }
  }

  /** The setting, read again once {@link #READ_FOR} has passed or a setting changed here. */
  private Optional<DefaultChannelSettings.Stored> read(
      long workspaceId, String channel, String settingName) {
    Lookup lookup = new Lookup(workspaceId, settingName == null ? channel : null, settingName);
    long changes = settings.changes();
    Instant now = clock.instant();
    Read earlier = reads.get(lookup);
    if (earlier != null
        && earlier.changes() == changes
        && now.isBefore(earlier.at().plus(READ_FOR))
        && !now.isBefore(earlier.at())) {
      return earlier.stored();
    }
    Optional<DefaultChannelSettings.Stored> stored =
        settingName == null
            ? settings.defaultFor(workspaceId, channel)
            : settings.stored(workspaceId, settingName);
    reads.put(lookup, new Read(stored, changes, now));
    return stored;
  }

  /** The host provider with descriptor id {@code id}. */
  Optional<HostChannelProvider> host(String id) {
    return hosts.stream().filter(h -> h.descriptor().id().equals(id)).findFirst();
  }

  /** The workspace's provider from the host provider serving {@code channel}, if one does. */
  private Optional<Resolved> hostDefault(long workspaceId, String channel) {
    Optional<HostChannelProvider> host =
        hosts.stream()
            .filter(h -> h.descriptor().kind().name().toLowerCase(Locale.ROOT).equals(channel))
            .findFirst();
    if (host.isEmpty()) {
      return Optional.empty();
    }
    String id = host.get().descriptor().id();
    Live live =
        this.live.computeIfAbsent(
            new Key(workspaceId, "\0host:" + id),
            k -> new Live(0, host.get().create(new WorkspaceId(workspaceId))));
    return Optional.of(new Resolved(id, live.provider()));
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
