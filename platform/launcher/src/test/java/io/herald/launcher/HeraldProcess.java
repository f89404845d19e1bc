package io.herald.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built distribution's launcher as a child process on a test database, for tests that kill
 * Herald with {@code kill -9} and start it again on the same data.
 */
final class HeraldProcess implements AutoCloseable {

  private final Path work;
  private final int port;
  private final TestDatabase database;
  private final Map<String, String> extraEnv;
  private Process launcher;

  HeraldProcess(Path work, TestDatabase database, Map<String, String> extraEnv) throws IOException {
    this.work = work;
    this.port = freePort();
    this.database = database;
    this.extraEnv = Map.copyOf(extraEnv);
  }

  int port() {
    return port;
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + "/" + path;
  }

  /** Starts the launcher and waits until it prints that Herald is ready. */
  void start() throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                "java",
                "-jar",
                Path.of(System.getProperty("herald.dist.dir"))
                    .resolve("herald-launcher.jar")
                    .toString())
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("HERALD_"));
    env.put("HERALD_DATA_DIR", work.resolve("data").toString());
    env.put("HERALD_HTTP_PORT", Integer.toString(port));
    env.put("HERALD_JAVA_HEAP", "512m");
    env.put("HERALD_DB_URL", database.jdbcUrl());
    env.put("HERALD_DB_USER", database.user());
    env.put("HERALD_DB_PASSWORD", database.password());
    env.putAll(extraEnv);
    launcher = builder.start();
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    Process process = launcher;
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // process ended
              }
            });
    pump.setDaemon(true);
    pump.start();
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(500))
        .failFast("Herald exited: " + lines, () -> !process.isAlive())
        // A copy (toArray holds the list's lock): streaming the synchronized list itself while the
        // pump adds to it throws ConcurrentModificationException.
        .until(
            () -> new ArrayList<>(lines).stream().anyMatch(l -> l.startsWith("herald: ready at")));
  }

  private ProcessHandle payara() {
    return launcher
        .descendants()
        .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro")).orElse(false))
        .findFirst()
        .orElseThrow();
  }

  /**
   * The OS scheduling priority ({@code nice}) of each thread of the Payara Micro JVM, by thread id,
   * read from {@code /proc} (Linux).
   */
  java.util.Map<Long, Integer> threadNiceValues() throws java.io.IOException {
    java.util.Map<Long, Integer> nice = new java.util.TreeMap<>();
    java.nio.file.Path tasks =
        java.nio.file.Path.of("/proc", Long.toString(payara().pid()), "task");
    try (var dirs = java.nio.file.Files.list(tasks)) {
      for (java.nio.file.Path task : dirs.toList()) {
        try {
          String stat = java.nio.file.Files.readString(task.resolve("stat"));
          // Fields after the command's closing parenthesis; nice is the 19th field of stat.
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          nice.put(Long.parseLong(task.getFileName().toString()), Integer.parseInt(fields[16]));
        } catch (java.nio.file.NoSuchFileException ended) {
          // the thread ended meanwhile
        }
      }
    }
    return nice;
  }

  /** SIGKILL of the Payara Micro process (the launcher then exits too). */
  void killDashNine() throws InterruptedException {
    ProcessHandle payara = payara();
    payara.destroyForcibly();
    assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
  }

  /** Stops Herald if it runs. */
  @Override
  public void close() throws InterruptedException {
    if (launcher != null && launcher.isAlive()) {
      launcher.destroy();
      if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
        launcher.descendants().forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly();
      }
    }
  }

  /** The first column of every row {@code sql} selects on the test database. */
  static List<String> column(TestDatabase database, String sql) throws java.sql.SQLException {
    List<String> values = new ArrayList<>();
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(
                database.jdbcUrl(), database.user(), database.password());
        java.sql.PreparedStatement q = c.prepareStatement(sql);
        java.sql.ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
