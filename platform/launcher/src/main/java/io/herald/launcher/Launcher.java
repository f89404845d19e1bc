package io.herald.launcher;

import io.herald.embeddeddb.EmbeddedDatabase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar herald-launcher.jar}: starts the embedded MariaDB (unless {@code HERALD_DB_URL}
 * is set), then Payara Micro with {@code herald.war} from the launcher's own directory. Ctrl-C or
 * SIGTERM stops Payara first, then the database.
 */
public final class Launcher {

  static final String EMBEDDED_DATABASE = "herald";

  /** The distribution's folder of plugin zips installed into the plugins directory at start. */
  static final String BUNDLED_PLUGINS = "plugins";

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    LaunchSettings settings;
    try {
      settings = LaunchSettings.from(System.getenv(), Path.of(""));
    } catch (IllegalArgumentException e) {
      System.err.println("herald: " + e.getMessage());
      System.exit(2);
      return;
    }
    Path dist = distributionDirectory();
    Files.createDirectories(settings.pluginsDir());
    Files.createDirectories(settings.dataDir());
    installBundledPlugins(dist.resolve(BUNDLED_PLUGINS), settings.pluginsDir());

    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("HERALD_DATA_DIR", settings.dataDir().toString());
    env.put("HERALD_PLUGINS_DIR", settings.pluginsDir().toString());

    Optional<EmbeddedDatabase> embedded = Optional.empty();
    if (settings.externalDbUrl().isEmpty()) {
      System.out.println(
          "herald: starting the embedded MariaDB (data in "
              + settings.dataDir().resolve("mariadb")
              + ")");
      EmbeddedDatabase db = EmbeddedDatabase.start(settings.dataDir().resolve("mariadb"), true);
      try {
        db.createDatabase(EMBEDDED_DATABASE);
      } catch (RuntimeException e) {
        // The embedded server's threads would keep this JVM alive with nothing served: stop it.
        System.err.println("herald: the embedded database failed: " + e.getMessage());
        db.close();
        System.exit(1);
        return;
      }
      embedded = Optional.of(db);
      env.put("HERALD_DB_URL", db.jdbcUrl(EMBEDDED_DATABASE));
      env.put("HERALD_DB_USER", "herald");
      env.put("HERALD_DB_PASSWORD", "embedded");
      env.put("HERALD_DB_EMBEDDED", "true");
    } else {
      System.out.println("herald: using the database at " + redact(settings.externalDbUrl().get()));
      env.put("HERALD_DB_EMBEDDED", "false");
    }

    PayaraWorkDirectory.recreate(settings.dataDir().resolve("payara"));
    Path settingsFile = settings.dataDir().resolve("payara-system.properties");
    HeraldSettings.write(HeraldSettings.from(env), settingsFile);
    Process payara = new ProcessBuilder(command(settings, dist, settingsFile)).inheritIO().start();
    Optional<EmbeddedDatabase> database = embedded;
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stop(payara, database), "herald-shutdown"));
    ReadinessWatcher.start(settings.httpPort(), payara);
    int exit = payara.waitFor();
    System.exit(exit);
  }

  /**
   * Installs the distribution's plugins; a failure is reported and Herald starts with whatever the
   * plugins directory holds.
   */
  private static void installBundledPlugins(Path bundled, Path pluginsDir) {
    try {
      for (BundledPlugins.Change change : BundledPlugins.install(bundled, pluginsDir)) {
        if (change.installed()) {
          System.out.println("herald: " + change.describe() + " in " + pluginsDir);
        }
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("herald: could not install the bundled plugins: " + e.getMessage());
    }
  }

  static List<String> command(LaunchSettings settings, Path dist, Path systemProperties) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + settings.javaHeap());
    command.add("-Duser.timezone=UTC");
    // Thread priorities become OS priorities, the lowest Java priority nice 19: the bulk lane's
    // sending loops (messaging BulkThreads) then give way to transactional sends on a busy machine.
    // Lowering a thread's priority needs no privilege (a non-root JVM warns that raising may not
    // work, which Herald does not do).
    command.add("-XX:ThreadPriorityPolicy=1");
    command.add("-XX:JavaPriority1_To_OSPriority=19");
    command.addAll(settings.javaOptions()); // after Herald's own: the JVM takes the last of a kind
    command.add("-jar");
    command.add(dist.resolve("payara-micro.jar").toString());
    command.add("--deploy");
    command.add(dist.resolve("herald.war").toString());
    command.add("--contextroot");
    command.add("/");
    command.add("--port");
    command.add(Integer.toString(settings.httpPort()));
    command.add("--nocluster");
    command.add("--systemProperties");
    command.add(systemProperties.toString());
    command.add("--rootDir");
    command.add(settings.dataDir().resolve("payara").toString());
    return command;
  }

  private static void stop(Process payara, Optional<EmbeddedDatabase> database) {
    try {
      if (payara.isAlive()) {
        payara.destroy(); // SIGTERM: Payara undeploys cleanly
        if (!payara.waitFor(60, TimeUnit.SECONDS)) {
          payara.destroyForcibly();
          payara.waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      database.ifPresent(EmbeddedDatabase::close);
    }
  }

  /** The directory holding herald-launcher.jar, payara-micro.jar and herald.war. */
  private static Path distributionDirectory() throws URISyntaxException, IOException {
    Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path dir = Files.isDirectory(jar) ? jar : jar.getParent();
    for (String required : List.of("payara-micro.jar", "herald.war")) {
      if (!Files.isRegularFile(dir.resolve(required))) {
        throw new IOException(
            required + " is missing from " + dir + ": build with ./herald or mvn package");
      }
    }
    return dir;
  }

  /** A JDBC URL without any password parameter, for printing. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
