package io.herald.pluginhost.internal;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelDescriptor;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.ChannelProviderFactory;
import io.herald.plugin.api.ConfigProperty;
import io.herald.plugin.api.ConfigSchema;
import io.herald.plugin.api.InvalidConfigException;
import io.herald.pluginhost.api.ChannelProviderInfo;
import io.herald.pluginhost.api.PluginHost;
import io.herald.pluginhost.api.PluginInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pf4j.ExtensionWrapper;
import org.pf4j.PluginWrapper;

/**
 * The PF4J-facing plugin host, without CDI: loads and starts the plugins of one directory,
 * instantiates their {@link ChannelProviderFactory} extensions once, and answers {@link PluginHost}
 * from an immutable snapshot. {@link DefaultPluginHost} is the CDI adapter around it.
 *
 * <p>{@link #start()} and {@link #stop()} are serialised; reads never block.
 */
final class Pf4jPluginHost implements PluginHost {

  private static final System.Logger LOG = System.getLogger(Pf4jPluginHost.class.getName());

  private final Path pluginsDir;
  private final Clock clock;
  private final String pluginApiVersion;

  private HeraldPluginManager manager; // guarded by this
  private final Map<String, String> failures = new HashMap<>(); // guarded by this; id -> reason
  private volatile Snapshot snapshot = new Snapshot(false, List.of(), Map.of());

  /**
   * Creates a host; nothing is loaded until {@link #start()}.
   *
   * @param pluginsDir the plugins directory, created by {@link #start()} if missing
   * @param clock the clock lent to providers
   * @param pluginApiVersion the plugin API version plugins are checked against
   */
  Pf4jPluginHost(Path pluginsDir, Clock clock, String pluginApiVersion) {
    this.pluginsDir = pluginsDir.toAbsolutePath().normalize();
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pluginApiVersion = Objects.requireNonNull(pluginApiVersion, "pluginApiVersion");
  }

  /**
   * Loads and starts every plugin. A plugin that is refused, fails or whose factory throws is
   * reported, never propagated. Calling it again does nothing.
   *
   * @throws UncheckedIOException when the plugins directory cannot be created
   */
  synchronized void start() {
    if (manager != null) {
      return;
    }
    try {
      Files.createDirectories(pluginsDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create plugins directory " + pluginsDir, e);
    }
    failures.clear();
    manager = new HeraldPluginManager(pluginsDir, pluginApiVersion);
    try {
      manager.loadPlugins();
    } catch (RuntimeException e) {
      // For example a dependency cycle between plugins; the plugins loaded so far stay listed.
      LOG.log(Level.ERROR, "Loading plugins from " + pluginsDir + " stopped early", e);
    }
    try {
      manager.startPlugins();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "Starting plugins from " + pluginsDir + " stopped early", e);
    }
    Map<String, LoadedFactory> factories = new LinkedHashMap<>();
    List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
    started.sort(Comparator.comparing(PluginWrapper::getPluginId));
    for (PluginWrapper plugin : started) {
      collectFactories(plugin.getPluginId(), factories);
    }
    snapshot = new Snapshot(true, describe(factories), Map.copyOf(factories));
    PluginStates.logOutcome(
        snapshot.plugins(), pluginApiVersion, pluginsDir, snapshot.factories().keySet());
  }

  /** Stops and unloads every plugin; the host is then not ready. Calling it again does nothing. */
  synchronized void stop() {
    if (manager == null) {
      return;
    }
    snapshot = new Snapshot(false, snapshot.plugins(), Map.of());
    // Not manager.stopPlugins(): PF4J 3.15.0 removes from the list it iterates there and throws
    // ConcurrentModificationException after the first plugin (pf4j/pf4j#656).
    List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
    Collections.reverse(started);
    for (PluginWrapper plugin : started) {
      try {
        manager.stopPlugin(plugin.getPluginId());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Stopping plugin " + plugin.getPluginId() + " failed", e);
      }
    }
    List<PluginInfo> stopped = describe(Map.of());
    for (PluginWrapper plugin : manager.getPlugins()) {
      try {
        manager.unloadPlugin(plugin.getPluginId());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Unloading plugin " + plugin.getPluginId() + " failed", e);
      }
    }
    manager = null;
    snapshot = new Snapshot(false, stopped, Map.of());
  }

  @Override
  public String pluginApiVersion() {
    return pluginApiVersion;
  }

  @Override
  public String pluginsDirectory() {
    return pluginsDir.toString();
  }

  @Override
  public List<PluginInfo> plugins() {
    return snapshot.plugins();
  }

  @Override
  public List<ChannelProviderInfo> channelProviders() {
    return snapshot.factories().values().stream()
        .map(LoadedFactory::info)
        .sorted(Comparator.comparing(info -> info.descriptor().id()))
        .toList();
  }

  @Override
  public boolean ready() {
    return snapshot.ready();
  }

  @Override
  public ChannelProvider createProvider(String channelProviderId, ChannelConfig config)
      throws InvalidConfigException {
    LoadedFactory loaded = snapshot.factories().get(channelProviderId);
    if (loaded == null) {
      throw new IllegalArgumentException("no started channel provider '" + channelProviderId + "'");
    }
    ConfigSchema schema = loaded.info().configSchema();
    List<String> problems = schema.validate(config.values());
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    ChannelProvider provider;
    try {
      provider =
          loaded.factory().create(withDefaults(schema, config), contextFor(loaded.pluginId()));
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException(
          "channel provider '" + channelProviderId + "' failed to create: " + messageOf(e), e);
    }
    if (provider == null) {
      throw new IllegalStateException("channel provider '" + channelProviderId + "' returned null");
    }
    return provider;
  }

  /** The started factory with this descriptor id, for tests and the host's own callers. */
  Optional<ChannelProviderFactory> factory(String channelProviderId) {
    return Optional.ofNullable(snapshot.factories().get(channelProviderId))
        .map(LoadedFactory::factory);
  }

  /** The context lent to providers of {@code pluginId}. */
  HostChannelPluginContext contextFor(String pluginId) {
    return HostChannelPluginContext.forPlugin(pluginId, clock);
  }

  private void collectFactories(String pluginId, Map<String, LoadedFactory> factories) {
    List<LoadedFactory> found = new ArrayList<>();
    String failure = null;
    for (ExtensionWrapper<ChannelProviderFactory> extension :
        manager.extensionWrappers(ChannelProviderFactory.class, pluginId)) {
      String className = extension.getDescriptor().extensionClass.getName();
      try {
        ChannelProviderFactory factory = extension.getExtension();
        ChannelDescriptor descriptor =
            Objects.requireNonNull(factory.descriptor(), "descriptor() returned null");
        ConfigSchema schema =
            Objects.requireNonNull(factory.configSchema(), "configSchema() returned null");
        LoadedFactory other = factories.get(descriptor.id());
        if (other != null || found.stream().anyMatch(f -> f.id().equals(descriptor.id()))) {
          String owner = other == null ? pluginId : other.pluginId();
          failure =
              "channel provider id '"
                  + descriptor.id()
                  + "' is already provided by plugin '"
                  + owner
                  + "'";
          break;
        }
        found.add(
            new LoadedFactory(
                pluginId, factory, new ChannelProviderInfo(pluginId, descriptor, schema)));
      } catch (RuntimeException | LinkageError e) {
        failure = "channel provider factory " + className + " failed: " + messageOf(e);
        break;
      }
    }
    if (failure == null) {
      found.forEach(f -> factories.put(f.id(), f));
      return;
    }
    failures.put(pluginId, failure);
    try {
      manager.stopPlugin(pluginId);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Stopping failed plugin " + pluginId + " failed", e);
    }
  }

  private List<PluginInfo> describe(Map<String, LoadedFactory> factories) {
    Map<String, List<String>> providersByPlugin = new HashMap<>();
    factories.values().stream()
        .sorted(Comparator.comparing(LoadedFactory::id))
        .forEach(
            f ->
                providersByPlugin
                    .computeIfAbsent(f.pluginId(), id -> new ArrayList<>())
                    .add(f.id()));
    return PluginStates.describeAll(manager, pluginsDir, failures, providersByPlugin);
  }

  private static ChannelConfig withDefaults(ConfigSchema schema, ChannelConfig config) {
    Map<String, String> values = new HashMap<>(config.values());
    for (ConfigProperty property : schema.properties()) {
      if (property.defaultValue() != null && config.get(property.name()).isEmpty()) {
        values.put(property.name(), property.defaultValue());
      }
    }
    return new ChannelConfig(values);
  }

  /** The first line of a throwable's message, or its class name when it has none. */
  static String messageOf(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getName()
        : message.lines().findFirst().orElse(message).trim();
  }

  private record LoadedFactory(
      String pluginId, ChannelProviderFactory factory, ChannelProviderInfo info) {
    String id() {
      return info.descriptor().id();
    }
  }

  private record Snapshot(
      boolean ready, List<PluginInfo> plugins, Map<String, LoadedFactory> factories) {}
}
