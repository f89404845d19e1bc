package io.herald.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The launcher's readiness line, against a real HTTP server and a real child process. */
class ReadinessWatcherTest {

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private HttpServer server;
  private Process payara;

  @BeforeEach
  void startChild() throws IOException {
    // Stands in for Payara: the watcher only asks whether it is alive.
    payara = new ProcessBuilder("sleep", "120").start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    payara.destroyForcibly();
  }

  @Test
  void printsTheReadyLineOnceTheNodeAnswers200() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    int port = serve(2, calls, "{\"status\":\"DOWN\"}");

    watcher(port, Duration.ofSeconds(20)).watch(payara);

    assertThat(output())
        .isEqualTo(
            "herald: ready at http://localhost:"
                + port
                + "/ (admin console: http://localhost:"
                + port
                + "/admin/)\n");
    assertThat(calls).hasValueGreaterThanOrEqualTo(3);
  }

  @Test
  void givingUpPrintsWhichChecksWereDown() throws IOException {
    int port =
        serve(
            Integer.MAX_VALUE,
            new AtomicInteger(),
            "{\n  \"status\": \"DOWN\",\n  \"checks\": [{\"name\": \"scheduler\", \"status\":"
                + " \"DOWN\"}]\n}");

    watcher(port, Duration.ofMillis(600)).watch(payara);

    assertThat(output())
        .startsWith("herald: not ready after 600 ms; http://127.0.0.1:" + port + "/health/ready")
        .contains(
            "last answered 503: { \"status\": \"DOWN\", \"checks\": [{\"name\": \"scheduler\","
                + " \"status\": \"DOWN\"}] }")
        .endsWith("(see the log above)\n");
  }

  @Test
  void givingUpWithoutAnAnswerPrintsTheLastConnectionError() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    watcher(closed, Duration.ofMillis(600)).watch(payara);

    assertThat(output()).contains("last call failed: java.net.ConnectException");
  }

  @Test
  void printsNothingWhenPayaraEnded() throws Exception {
    payara.destroyForcibly().waitFor();

    watcher(1, Duration.ofSeconds(20)).watch(payara);

    assertThat(output()).isEmpty();
  }

  private ReadinessWatcher watcher(int port, Duration giveUpAfter) {
    return new ReadinessWatcher(
        port,
        giveUpAfter,
        Duration.ofMillis(50),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  /**
   * Serves {@code /health/ready}: 503 with {@code body} for the first {@code down} calls, then 200.
   */
  private int serve(int down, AtomicInteger calls, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/health/ready",
        exchange -> {
          int status = calls.getAndIncrement() < down ? 503 : 200;
          byte[] bytes =
              (status == 200 ? "{\"status\":\"UP\"}" : body).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return server.getAddress().getPort();
  }
}
