package io.herald.bench.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Herald started from its distribution with {@code java -jar herald-launcher.jar}. */
public final class HeraldProcess implements AutoCloseable {

  private final Process launcher;

  private HeraldProcess(Process launcher) {
    this.launcher = launcher;
  }

  /**
   * Starts Herald with {@code env} and waits (at most 10 minutes: a loaded machine boots slowly)
   * for its "ready" line or, should the launcher have stopped watching, {@code /health/ready} to
   * answer 200.
   */
  public static HeraldProcess start(Path distribution, Map<String, String> env, Path log)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("java", "-jar", distribution.resolve("herald-launcher.jar").toString())
            .redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("HERALD_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    CountDownLatch ready = new CountDownLatch(1);
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
                for (String line; (line = in.readLine()) != null; ) {
                  out.println(line);
                  out.flush();
                  if (line.startsWith("herald: ready at")) {
                    ready.countDown();
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "herald-output");
    pump.setDaemon(true);
    pump.start();
    URI health = URI.create("http://127.0.0.1:" + env.get("HERALD_HTTP_PORT") + "/health/ready");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (process.isAlive()
        && !ready.await(2, TimeUnit.SECONDS)
        && System.nanoTime() < deadline
        && !healthy(http, health)) {
      // keep waiting
    }
    if (!process.isAlive() || System.nanoTime() >= deadline) {
      new HeraldProcess(process).close();
      throw new IllegalStateException("Herald did not become ready; see " + log);
    }
    return new HeraldProcess(process);
  }

  private static boolean healthy(HttpClient http, URI health) throws InterruptedException {
    try {
      return http.send(
                  HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** The Payara Micro JVM's pid (the launcher's child), for CPU readings. */
  public long serverPid() {
    return launcher
        .descendants()
        .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro")).orElse(false))
        .mapToLong(ProcessHandle::pid)
        .findFirst()
        .orElse(launcher.pid());
  }

  @Override
  public void close() throws InterruptedException {
    launcher.destroy();
    if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
      launcher.descendants().forEach(ProcessHandle::destroyForcibly);
      launcher.destroyForcibly();
    }
  }
}
