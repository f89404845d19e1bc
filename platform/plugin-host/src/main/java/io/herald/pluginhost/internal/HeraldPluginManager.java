package io.herald.pluginhost.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionWrapper;
import org.pf4j.Plugin;
import org.pf4j.PluginAlreadyLoadedException;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * PF4J's {@link DefaultPluginManager} with Herald's rules: the system version is the plugin API
 * version, the runtime mode is always {@code DEPLOYMENT} (zips and jars from one directory), and
 * the manager remembers why it refused or could not load a plugin, because PF4J itself only logs it
 * ({@link Pf4jPluginHost} logs one line per plugin that did not start). Not thread-safe: {@link
 * Pf4jPluginHost} serialises every call.
 */
final class HeraldPluginManager extends DefaultPluginManager {

  private final Map<String, String> incompatible = new LinkedHashMap<>();
  private final Map<Path, String> loadFailures = new LinkedHashMap<>();
  private final Map<String, PluginDescriptor> loaded = new LinkedHashMap<>();

  /**
   * Creates a manager for one plugins directory.
   *
   * @param pluginsDir where plugin zips, expanded plugin directories and jars live
   * @param pluginApiVersion the version {@code plugin.requires} expressions are checked against
   */
  HeraldPluginManager(Path pluginsDir, String pluginApiVersion) {
    super(List.of(pluginsDir));
    setSystemVersion(pluginApiVersion);
    // A plugin whose plugin.dependencies are missing is unloaded instead of failing every plugin.
    setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
  }

  @Override
  public RuntimeMode getRuntimeMode() {
    // Never let a stray -Dpf4j.mode=development switch to ../plugins and target/classes layouts.
    return RuntimeMode.DEPLOYMENT;
  }

  /**
   * PF4J's check, without the system-version-{@code 0.0.0} bypass, and tolerant of expressions that
   * do not parse (PF4J would throw out of {@code loadPlugins} and load nothing). PF4J marks a
   * refused plugin {@code DISABLED} and never starts it; the reason is kept here so the host can
   * report it as incompatible rather than as disabled by the operator.
   */
  @Override
  protected boolean isPluginValid(PluginWrapper plugin) {
    PluginDescriptor descriptor = plugin.getDescriptor();
    String requires = requiresOf(descriptor);
    String constraint =
        !isExactVersionAllowed() && requires.matches("\\d+\\.\\d+\\.\\d+")
            ? ">=" + requires
            : requires;
    String reason = "requires " + requires + ", host plugin API is " + getSystemVersion();
    try {
      if (getVersionManager().checkVersionConstraint(getSystemVersion(), constraint)) {
        incompatible.remove(descriptor.getPluginId());
        return true;
      }
    } catch (RuntimeException e) {
      reason += " (not a valid version expression: " + Pf4jPluginHost.messageOf(e) + ")";
    }
    incompatible.put(descriptor.getPluginId(), reason);
    return false;
  }

  /**
   * Loads one plugin, remembering why when it cannot be loaded. Any failure is rethrown as the
   * {@link PluginRuntimeException} PF4J's {@code loadPlugins} loop catches, so one bad plugin never
   * stops the others from loading.
   */
  @Override
  protected PluginWrapper loadPluginFromPath(Path pluginPath) {
    PluginWrapper plugin;
    try {
      plugin = super.loadPluginFromPath(pluginPath);
    } catch (PluginAlreadyLoadedException e) {
      throw e;
    } catch (RuntimeException e) {
      loadFailures.put(pluginPath, Pf4jPluginHost.messageOf(e));
      throw e instanceof PluginRuntimeException pre
          ? pre
          : new PluginRuntimeException(e, "Cannot load plugin from '{}'", pluginPath);
    }
    if (plugin == null) {
      // DefaultPluginManager returns null when it cannot expand a zip given to loadPlugin(Path).
      loadFailures.put(pluginPath, "the plugin zip could not be expanded");
    } else {
      loaded.put(plugin.getPluginId(), plugin.getDescriptor());
    }
    return plugin;
  }

  /** Fails a start with a clear message when the plugin class cannot be instantiated. */
  @Override
  protected PluginFactory createPluginFactory() {
    PluginFactory pf4j = super.createPluginFactory();
    return wrapper -> {
      Plugin plugin = pf4j.create(wrapper);
      if (plugin == null) {
        throw new PluginRuntimeException(
            "Cannot instantiate plugin class '{}'", wrapper.getDescriptor().getPluginClass());
      }
      return plugin;
    };
  }

  /** The extensions of {@code type} a started plugin contributes, not yet instantiated. */
  <T> List<ExtensionWrapper<T>> extensionWrappers(Class<T> type, String pluginId) {
    return extensionFinder.find(type, pluginId);
  }

  /** Why a plugin was refused, if it was. */
  Optional<String> incompatibility(String pluginId) {
    return Optional.ofNullable(incompatible.get(pluginId));
  }

  /** Plugin paths that could not be loaded at all, with the reason. */
  Map<Path, String> loadFailures() {
    return Map.copyOf(loadFailures);
  }

  /** Every plugin that was loaded, including those PF4J unloaded again while resolving. */
  Map<String, PluginDescriptor> loadedDescriptors() {
    return Map.copyOf(loaded);
  }

  static String requiresOf(PluginDescriptor descriptor) {
    String requires = descriptor.getRequires();
    return requires == null || requires.isBlank() ? "*" : requires.trim();
  }
}
