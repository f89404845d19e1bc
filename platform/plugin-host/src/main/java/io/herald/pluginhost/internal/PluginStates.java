package io.herald.pluginhost.internal;

import io.herald.pluginhost.api.PluginInfo;
import io.herald.pluginhost.api.PluginStatus;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginWrapper;

/**
 * Maps what PF4J knows about a plugin to the host's {@link PluginInfo}. PF4J has no state for
 * "refused": a plugin whose {@code plugin.requires} does not match is {@code DISABLED}, the same
 * state as one listed in {@code disabled.txt}; the manager's recorded incompatibility tells them
 * apart.
 */
final class PluginStates {

  private static final System.Logger LOG = System.getLogger(PluginStates.class.getName());

  private PluginStates() {}

  /**
   * Describes everything in the plugins directory, sorted by id: the plugins PF4J knows, those it
   * unloaded again, paths it could not load, and zips it could not expand.
   *
   * @param failures why the host failed a started plugin itself, by plugin id
   * @param providersByPlugin descriptor ids of started factories, by plugin id
   */
  static List<PluginInfo> describeAll(
      HeraldPluginManager manager,
      Path pluginsDir,
      Map<String, String> failures,
      Map<String, List<String>> providersByPlugin) {
    List<PluginInfo> infos = new ArrayList<>();
    Set<String> present = new HashSet<>();
    for (PluginWrapper plugin : manager.getPlugins()) {
      String id = plugin.getPluginId();
      present.add(id);
      infos.add(
          describe(
              plugin, manager, failures.get(id), providersByPlugin.getOrDefault(id, List.of())));
    }
    manager
        .loadedDescriptors()
        .forEach(
            (id, descriptor) -> {
              if (!present.contains(id)) {
                infos.add(unresolved(descriptor));
              }
            });
    manager.loadFailures().forEach((path, reason) -> infos.add(unloadable(path, reason)));
    unexpandableZips(pluginsDir).forEach(zip -> infos.add(unexpandable(zip)));
    infos.sort(Comparator.comparing(PluginInfo::id));
    return List.copyOf(infos);
  }

  /**
   * Describes a plugin PF4J knows.
   *
   * @param failure why the host failed the plugin itself (a factory threw), or {@code null}
   * @param channelProviders descriptor ids of its started factories
   */
  private static PluginInfo describe(
      PluginWrapper plugin,
      HeraldPluginManager manager,
      String failure,
      List<String> channelProviders) {
    PluginDescriptor descriptor = plugin.getDescriptor();
    Outcome outcome =
        failure != null
            ? new Outcome(PluginStatus.FAILED, failure)
            : switch (plugin.getPluginState()) {
              case STARTED -> new Outcome(PluginStatus.STARTED, "");
              case DISABLED ->
                  manager
                      .incompatibility(plugin.getPluginId())
                      .map(reason -> new Outcome(PluginStatus.INCOMPATIBLE, reason))
                      .orElse(new Outcome(PluginStatus.STOPPED, "disabled by the operator"));
              case FAILED -> new Outcome(PluginStatus.FAILED, failedReason(plugin));
              case STOPPED, UNLOADED -> new Outcome(PluginStatus.STOPPED, "stopped");
              case CREATED, RESOLVED ->
                  new Outcome(
                      PluginStatus.FAILED,
                      "not started (PF4J state " + plugin.getPluginState() + ")");
            };
    return new PluginInfo(
        descriptor.getPluginId(),
        nullToEmpty(descriptor.getVersion()),
        nullToEmpty(descriptor.getProvider()),
        nullToEmpty(descriptor.getPluginDescription()),
        HeraldPluginManager.requiresOf(descriptor),
        outcome.status(),
        outcome.reason(),
        outcome.status() == PluginStatus.STARTED ? channelProviders : List.of());
  }

  /** A plugin PF4J loaded and then unloaded again because its dependencies did not resolve. */
  private static PluginInfo unresolved(PluginDescriptor descriptor) {
    return new PluginInfo(
        descriptor.getPluginId(),
        nullToEmpty(descriptor.getVersion()),
        nullToEmpty(descriptor.getProvider()),
        nullToEmpty(descriptor.getPluginDescription()),
        HeraldPluginManager.requiresOf(descriptor),
        PluginStatus.FAILED,
        "unloaded: its plugin.dependencies are missing or of the wrong version",
        List.of());
  }

  /** A plugin path PF4J could not load (no descriptor, bad descriptor, duplicate id). */
  private static PluginInfo unloadable(Path path, String reason) {
    return failedFile(path.getFileName().toString(), reason);
  }

  /** A {@code .zip} in the plugins directory that did not expand into a plugin directory. */
  private static PluginInfo unexpandable(Path zip) {
    String name = zip.getFileName().toString();
    return failedFile(
        expandedDirectory(zip).getFileName().toString(),
        "cannot expand " + name + ": not a zip archive, or empty");
  }

  /**
   * Logs one line per plugin that did not start (WARNING, or INFO when the operator disabled it),
   * then one INFO summary line.
   */
  static void logOutcome(
      List<PluginInfo> plugins, String pluginApiVersion, Path pluginsDir, Set<String> providerIds) {
    Map<PluginStatus, Long> counts = new EnumMap<>(PluginStatus.class);
    for (PluginInfo plugin : plugins) {
      counts.merge(plugin.status(), 1L, Long::sum);
      if (plugin.status() != PluginStatus.STARTED) {
        String version = plugin.version().isEmpty() ? "" : " " + plugin.version();
        LOG.log(
            plugin.status() == PluginStatus.STOPPED ? Level.INFO : Level.WARNING,
            "Plugin '%s'%s not started, %s: %s"
                .formatted(plugin.id(), version, plugin.status(), plugin.reason()));
      }
    }
    LOG.log(
        Level.INFO,
        "Plugin host ready: plugin API %s, %d plugin(s) in %s %s, channel providers %s"
            .formatted(
                pluginApiVersion,
                plugins.size(),
                pluginsDir,
                counts,
                providerIds.stream().sorted().toList()));
  }

  /**
   * PF4J expands {@code x.zip} into {@code x/} before loading; a file that is not a zip archive
   * expands to nothing and is skipped with only an INFO line claiming it was expanded.
   */
  private static List<Path> unexpandableZips(Path pluginsDir) {
    try (Stream<Path> files = Files.list(pluginsDir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip"))
          .filter(p -> !Files.isDirectory(expandedDirectory(p)))
          .toList();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot list " + pluginsDir, e);
      return List.of();
    }
  }

  /** Where PF4J expands a plugin zip: a sibling directory named like the zip, minus extension. */
  static Path expandedDirectory(Path zip) {
    String name = zip.getFileName().toString();
    return zip.resolveSibling(name.substring(0, name.lastIndexOf('.')));
  }

  private static PluginInfo failedFile(String id, String reason) {
    return new PluginInfo(id, "", "", "", "", PluginStatus.FAILED, reason, List.of());
  }

  private static String failedReason(PluginWrapper plugin) {
    Throwable failed = plugin.getFailedException();
    return failed == null ? "failed to start" : Pf4jPluginHost.messageOf(failed);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private record Outcome(PluginStatus status, String reason) {}
}
