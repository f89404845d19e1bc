package io.herald.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Polls {@code /health/ready} and prints one line when the node is ready (or never became so). */
final class ReadinessWatcher {

  private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

  private ReadinessWatcher() {}

  static void start(int port, Process payara) {
    Thread watcher = new Thread(() -> watch(port, payara), "herald-readiness");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static void watch(int port, Process payara) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
    Instant deadline = Instant.now().plus(GIVE_UP_AFTER);
    while (payara.isAlive() && Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          System.out.println(
              "herald: ready at http://localhost:"
                  + port
                  + "/ (admin console: http://localhost:"
                  + port
                  + "/admin/)");
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        payara.waitFor(1, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (payara.isAlive()) {
      System.out.println(
          "herald: not ready after "
              + GIVE_UP_AFTER.toMinutes()
              + " minutes; see the log above and "
              + ready);
    }
  }
}
