package io.herald.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Installs the plugin zips shipped in the distribution's {@code plugins/} folder into the plugins
 * directory at each start.
 *
 * <p>For each bundled zip: a file of the same name with the same bytes is left as it is. Otherwise
 * every other copy of the same plugin (by {@code plugin.id}: a zip of another version, the same
 * name with other bytes, an expanded directory) is removed, because PF4J cannot load two plugins
 * with one id, and the bundled zip is copied in. Plugins with other ids, {@code disabled.txt} and
 * anything that is not a readable plugin are never touched.
 */
final class BundledPlugins {

  private static final String DESCRIPTOR = "plugin.properties";

  private BundledPlugins() {}

  /**
   * What happened to one bundled plugin.
   *
   * @param pluginId the bundled plugin's id
   * @param file the bundled zip's file name
   * @param installed whether the zip was copied in (false: an identical copy was already there)
   * @param removed file names of other copies of the plugin that were removed, sorted
   */
  record Change(String pluginId, String file, boolean installed, List<String> removed) {

    /** Copies the list. */
    Change {
      removed = List.copyOf(removed);
    }

    /** One line for the launcher's output. */
    String describe() {
      if (!installed) {
        return "plugin " + pluginId + " is up to date (" + file + ")";
      }
      return removed.isEmpty()
          ? "installed plugin " + pluginId + " (" + file + ")"
          : "installed plugin " + pluginId + " (" + file + "), replacing " + removed;
    }
  }

  /**
   * Installs every {@code *.zip} of {@code bundledDir} into {@code pluginsDir}, by file name.
   *
   * @return one change per bundled zip; empty when {@code bundledDir} does not exist
   * @throws IOException when a bundled zip has no {@code plugin.id} or a copy fails
   */
  static List<Change> install(Path bundledDir, Path pluginsDir) throws IOException {
    if (!Files.isDirectory(bundledDir)) {
      return List.of();
    }
    Files.createDirectories(pluginsDir);
    List<Change> changes = new ArrayList<>();
    for (Path bundled : zips(bundledDir)) {
      String id =
          pluginId(bundled)
              .orElseThrow(() -> new IOException(bundled + " is not a plugin zip (no plugin.id)"));
      changes.add(installOne(id, bundled, pluginsDir));
    }
    return List.copyOf(changes);
  }

  private static Change installOne(String id, Path bundled, Path pluginsDir) throws IOException {
    String name = bundled.getFileName().toString();
    Path target = pluginsDir.resolve(name);
    if (Files.isRegularFile(target) && Files.mismatch(bundled, target) == -1L) {
      return new Change(id, name, false, List.of());
    }
    List<String> removed = new ArrayList<>();
    for (Path entry : entries(pluginsDir)) {
      String entryName = entry.getFileName().toString();
      boolean ours = entryName.equals(name) || entryName.equals(expandedName(name));
      if (ours || pluginId(entry).filter(id::equals).isPresent()) {
        delete(entry);
        if (!ours) {
          removed.add(entryName);
        }
      }
    }
    Path partial = pluginsDir.resolve("." + name + ".partial");
    Files.copy(bundled, partial, StandardCopyOption.REPLACE_EXISTING);
    Files.move(
        partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    removed.sort(Comparator.naturalOrder());
    return new Change(id, name, true, removed);
  }

  /** The directory PF4J expands {@code x.zip} into. */
  private static String expandedName(String zipName) {
    return zipName.substring(0, zipName.length() - ".zip".length());
  }

  /** The {@code plugin.id} of a plugin zip or plugin directory, empty for anything else. */
  static Optional<String> pluginId(Path entry) {
    Properties descriptor = new Properties();
    try {
      if (Files.isDirectory(entry)) {
        Path file = entry.resolve(DESCRIPTOR);
        if (!Files.isRegularFile(file)) {
          return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
          descriptor.load(in);
        }
      } else if (entry.getFileName().toString().endsWith(".zip") && Files.isRegularFile(entry)) {
        try (ZipFile zip = new ZipFile(entry.toFile())) {
          ZipEntry file = zip.getEntry(DESCRIPTOR);
          if (file == null) {
            return Optional.empty();
          }
          try (InputStream in = zip.getInputStream(file)) {
            descriptor.load(in);
          }
        }
      } else {
        return Optional.empty();
      }
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty(); // not a readable plugin: never ours to touch
    }
    return Optional.ofNullable(descriptor.getProperty("plugin.id"))
        .map(String::trim)
        .filter(s -> !s.isEmpty());
  }

  private static List<Path> zips(Path dir) throws IOException {
    return entries(dir).stream()
        .filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".zip"))
        .toList();
  }

  private static List<Path> entries(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.sorted(Comparator.comparing(Objects::toString)).toList();
    }
  }

  private static void delete(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      try (Stream<Path> tree = Files.walk(path)) {
        for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    } else {
      Files.deleteIfExists(path);
    }
  }
}
