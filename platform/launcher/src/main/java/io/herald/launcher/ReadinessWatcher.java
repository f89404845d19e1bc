package io.herald.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Polls {@code /health/ready} and prints one line when the node is ready, or, when it never became
 * so, one line with the last answer (which checks were down) or the last connection error.
 */
final class ReadinessWatcher {

  static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

  /** The longest answer body printed when giving up (the health document is far shorter). */
  static final int MAX_BODY_CHARS = 2_000;

  private final int port;
  private final Duration giveUpAfter;
  private final Duration pollEvery;
  private final PrintStream out;

  ReadinessWatcher(int port, Duration giveUpAfter, Duration pollEvery, PrintStream out) {
    this.port = port;
    this.giveUpAfter = giveUpAfter;
    this.pollEvery = pollEvery;
    this.out = out;
  }

  static void start(int port, Process payara) {
    ReadinessWatcher watcher =
        new ReadinessWatcher(port, GIVE_UP_AFTER, Duration.ofSeconds(1), System.out);
    Thread thread = new Thread(() -> watcher.watch(payara), "herald-readiness");
    thread.setDaemon(true);
    thread.start();
  }

  /** Watches until the node is ready, {@code payara} ends, or the time is up. */
  void watch(Process payara) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
    Instant deadline = Instant.now().plus(giveUpAfter);
    String last = "never answered";
    while (payara.isAlive() && Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          out.println(
              "herald: ready at http://localhost:"
                  + port
                  + "/ (admin console: http://localhost:"
                  + port
                  + "/admin/)");
          return;
        }
        last = "last answered " + response.statusCode() + ": " + shortened(response.body());
      } catch (IOException e) {
        // not listening yet, or the answer took too long
        last = "last call failed: " + e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        payara.waitFor(pollEvery.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (payara.isAlive()) {
      out.println(
          "herald: not ready after "
              + describe(giveUpAfter)
              + "; "
              + ready
              + " "
              + last
              + " (see the log above)");
    }
  }

  private static String shortened(String body) {
    String oneLine = body.strip().replaceAll("\\s*\\R\\s*", " ");
    return oneLine.length() <= MAX_BODY_CHARS
        ? oneLine
        : oneLine.substring(0, MAX_BODY_CHARS) + "…";
  }

  private static String describe(Duration d) {
    return d.toMillis() % 60_000 == 0 ? d.toMinutes() + " minutes" : d.toMillis() + " ms";
  }
}
