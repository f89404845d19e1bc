package io.herald.pluginhost.internal;

import io.herald.pluginhost.internal.fixtures.GoodFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds plugin directories and zips in the PF4J layout for tests. */
final class PluginDirs {

  private PluginDirs() {}

  /** Descriptor keys for a plugin that fits plugin API 1.x. */
  static Map<String, String> descriptor(String id) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("plugin.id", id);
    properties.put("plugin.version", "1.2.3");
    properties.put("plugin.provider", "Tests");
    properties.put("plugin.description", "Plugin " + id);
    properties.put("plugin.requires", ">=1.0.0 & <2.0.0");
    return properties;
  }

  /** Writes {@code <root>/<dir>/plugin.properties}; returns the plugin directory. */
  static Path plugin(Path root, String dir, Map<String, String> descriptor) {
    try {
      Path pluginDir = Files.createDirectories(root.resolve(dir));
      Properties properties = new Properties();
      properties.putAll(descriptor);
      try (OutputStream out = Files.newOutputStream(pluginDir.resolve("plugin.properties"))) {
        properties.store(out, null);
      }
      return pluginDir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies the given classes (and {@link GoodFactory}, their base) with their nested classes into
   * {@code classes/}, and lists {@code extensions} in {@code classes/META-INF/extensions.idx}.
   */
  static void classes(Path pluginDir, List<Class<?>> extensions, Class<?>... others) {
    try {
      Path classes = Files.createDirectories(pluginDir.resolve("classes"));
      Stream.concat(
              Stream.concat(extensions.stream(), Arrays.stream(others)),
              Stream.of(GoodFactory.class))
          .distinct()
          .forEach(type -> copyClass(type, classes));
      Path index = Files.createDirectories(classes.resolve("META-INF")).resolve("extensions.idx");
      Files.writeString(
          index,
          extensions.stream().map(Class::getName).collect(Collectors.joining("\n", "", "\n")),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Zips {@code dir} into {@code zip} (entries relative to {@code dir}). */
  static Path zip(Path dir, Path zip) {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
        Stream<Path> files = Files.walk(dir)) {
      for (Path file :
          files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
        out.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
      return zip;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyClass(Class<?> type, Path classes) {
    try {
      Path source = Path.of(type.getResource(type.getSimpleName() + ".class").toURI()).getParent();
      Path target =
          Files.createDirectories(classes.resolve(type.getPackageName().replace('.', '/')));
      try (Stream<Path> files = Files.list(source)) {
        for (Path file : files.toList()) {
          String name = file.getFileName().toString();
          if (name.equals(type.getSimpleName() + ".class")
              || name.startsWith(type.getSimpleName() + "$")) {
            Files.copy(file, target.resolve(name));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
