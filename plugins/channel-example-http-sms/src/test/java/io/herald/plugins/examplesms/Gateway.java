package io.herald.plugins.examplesms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for the SMS gateway (the JDK's HTTP server, so the example needs no test
 * library): records every request and answers what the test set.
 */
final class Gateway implements AutoCloseable {

  /** One request as the gateway saw it. */
  record Request(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** What the gateway answers. */
  record Answer(int status, Map<String, String> headers, String body, long delayMillis) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Answer answer = new Answer(202, Map.of("X-Message-Id", "gw-1"), "", 0);

  Gateway() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/sms";
  }

  void answer(int status, Map<String, String> headers, String body) {
    answer = new Answer(status, headers, body, 0);
  }

  void answerSlowly(long delayMillis) {
    answer = new Answer(202, Map.of("X-Message-Id", "late"), "", delayMillis);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders()),
            body));
    Answer a = answer;
    try {
      Thread.sleep(a.delayMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
    if (out.length > 0) {
      exchange.getResponseBody().write(out);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
