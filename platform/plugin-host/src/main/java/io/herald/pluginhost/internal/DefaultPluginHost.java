package io.herald.pluginhost.internal;

import io.herald.plugin.api.ChannelConfig;
import io.herald.plugin.api.ChannelProvider;
import io.herald.plugin.api.InvalidConfigException;
import io.herald.plugin.api.PluginApi;
import io.herald.pluginhost.api.ChannelProviderInfo;
import io.herald.pluginhost.api.PluginHost;
import io.herald.pluginhost.api.PluginInfo;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's {@link PluginHost}: loads and starts the plugins in {@code herald.plugins-dir}
 * (environment {@code HERALD_PLUGINS_DIR}, default {@code plugins} under the working directory)
 * when the application starts, and stops them when it stops. Plugins need no database, so loading
 * does not wait for {@code DatabaseReady}. A thin adapter around {@link Pf4jPluginHost}.
 */
@ApplicationScoped
public class DefaultPluginHost implements PluginHost {

  /** MicroProfile Config key of the plugins directory. */
  public static final String PLUGINS_DIR_KEY = "herald.plugins-dir";

  private static final System.Logger LOG = System.getLogger(DefaultPluginHost.class.getName());

  private final Pf4jPluginHost host;

  /** For CDI's client proxy only. */
  protected DefaultPluginHost() {
    this.host = null;
  }

  @Inject
  DefaultPluginHost(
      @ConfigProperty(name = PLUGINS_DIR_KEY, defaultValue = "plugins") String pluginsDir,
      Clock clock) {
    this(new Pf4jPluginHost(Path.of(pluginsDir), clock, PluginApi.VERSION));
  }

  DefaultPluginHost(Pf4jPluginHost host) {
    this.host = host;
  }

  /** Loads and starts the plugins once the application is up. */
  void onApplicationStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    try {
      host.start();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "Plugin host did not start; no channel plugins are available", e);
    }
  }

  /** Stops and unloads the plugins. */
  @PreDestroy
  void onShutdown() {
    host.stop();
  }

  @Override
  public String pluginApiVersion() {
    return host.pluginApiVersion();
  }

  @Override
  public String pluginsDirectory() {
    return host.pluginsDirectory();
  }

  @Override
  public List<PluginInfo> plugins() {
    return host.plugins();
  }

  @Override
  public List<ChannelProviderInfo> channelProviders() {
    return host.channelProviders();
  }

  @Override
  public boolean ready() {
    return host.ready();
  }

  @Override
  public ChannelProvider createProvider(String channelProviderId, ChannelConfig config)
      throws InvalidConfigException {
    return host.createProvider(channelProviderId, config);
  }
}
