package io.herald.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher needs from the environment. Everything else ({@code HERALD_SECRET_KEY}, {@code
 * HERALD_BOOTSTRAP_*}, …) passes through to Herald untouched.
 *
 * @param httpPort {@code HERALD_HTTP_PORT}, default 8080
 * @param dataDir {@code HERALD_DATA_DIR}, default {@code ./data}, made absolute
 * @param pluginsDir {@code HERALD_PLUGINS_DIR}, default {@code <data dir>/plugins}
 * @param externalDbUrl {@code HERALD_DB_URL}; empty means "start the embedded MariaDB"
 * @param javaHeap {@code HERALD_JAVA_HEAP} for Payara Micro's JVM, default {@code 768m}
 * @param javaOptions {@code HERALD_JAVA_OPTS}: more options for Payara Micro's JVM (GC logging or
 *     tuning, heap dumps), separated by white space, each starting with {@code -}; none by default
 */
record LaunchSettings(
    int httpPort,
    Path dataDir,
    Path pluginsDir,
    Optional<String> externalDbUrl,
    String javaHeap,
    List<String> javaOptions) {

  LaunchSettings {
    javaOptions = List.copyOf(javaOptions);
  }

  static LaunchSettings from(Map<String, String> env, Path workingDir) {
    int port = port(env.getOrDefault("HERALD_HTTP_PORT", "8080"));
    Path data =
        workingDir
            .resolve(nonBlank(env.get("HERALD_DATA_DIR")).orElse("data"))
            .toAbsolutePath()
            .normalize();
    Path plugins =
        nonBlank(env.get("HERALD_PLUGINS_DIR"))
            .map(p -> workingDir.resolve(p).toAbsolutePath().normalize())
            .orElse(data.resolve("plugins"));
    String heap = nonBlank(env.get("HERALD_JAVA_HEAP")).orElse("768m");
    if (!heap.matches("\\d+[mMgG]")) {
      throw new IllegalArgumentException("HERALD_JAVA_HEAP must look like 768m or 2g, not " + heap);
    }
    return new LaunchSettings(
        port,
        data,
        plugins,
        nonBlank(env.get("HERALD_DB_URL")),
        heap,
        javaOptions(env.getOrDefault("HERALD_JAVA_OPTS", "")));
  }

  private static List<String> javaOptions(String value) {
    List<String> options =
        Arrays.stream(value.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList();
    for (String option : options) {
      if (!option.startsWith("-")) {
        throw new IllegalArgumentException(
            "HERALD_JAVA_OPTS must be JVM options separated by spaces, each starting with '-',"
                + " not "
                + option);
      }
    }
    return options;
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "HERALD_HTTP_PORT must be a port number (1-65535), not " + value);
    }
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
