package io.herald.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Lua script T2 gives wrk, run by a real wrk against a local server that records requests. */
class WrkLoadTest {

  private static final int PEOPLE = 1000;

  private record Seen(String method, String path, String authorization, String body) {}

  private final Queue<Seen> seen = new ConcurrentLinkedQueue<>();
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          seen.add(
              new Seen(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  body));
          byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void everyIdentifyCarriesADifferentWholeNumberAndTheThreadsStartAtDifferentPeople()
      throws Exception {
    assumeTrue(WrkLoad.available(), "wrk is not on the PATH");
    WrkLoad wrk = new WrkLoad("http://127.0.0.1:" + server.getAddress().getPort() + "/", PEOPLE);
    WrkLoad.Call identify =
        new WrkLoad.Call(
            "PUT",
            "/api/v1/customers/{user}",
            "Basic a2V5Og==",
            "{\"plan\":\"p1\",\"visits\":{n}}");

    WrkLoad.Result result = wrk.run(identify, 4, Duration.ofSeconds(1));

    assertThat(result.requests()).isPositive();
    assertThat(result.errors()).isZero();
    List<Seen> requests = List.copyOf(seen);
    assertThat(requests).isNotEmpty();
    Pattern body = Pattern.compile("\\{\"plan\":\"p1\",\"visits\":(\\d{16})\\}");
    Pattern path = Pattern.compile("/api/v1/customers/u(\\d+)");
    List<String> visits = requests.stream().map(r -> matched(body, r.body())).toList();
    // One number per request: a run of 16-digit numbers printed in full, none repeated.
    assertThat(visits).doesNotHaveDuplicates();
    List<Integer> users =
        requests.stream().map(r -> Integer.parseInt(matched(path, r.path()))).toList();
    assertThat(users).allMatch(u -> u < PEOPLE);
    // The second thread starts half-way through the people.
    assertThat(users).anyMatch(u -> u < PEOPLE / 2).anyMatch(u -> u >= PEOPLE / 2);
    assertThat(requests)
        .allMatch(r -> r.method().equals("PUT") && r.authorization().equals("Basic a2V5Og=="));
  }

  /** The first group of {@code pattern} in {@code text}, which it must match whole. */
  private static String matched(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertThat(m.matches()).as("%s matches %s", text, pattern).isTrue();
    return m.group(1);
  }

  @Test
  void aCallWithoutANumberSendsItsBodyAsGiven() throws Exception {
    assumeTrue(WrkLoad.available(), "wrk is not on the PATH");
    WrkLoad wrk = new WrkLoad("http://127.0.0.1:" + server.getAddress().getPort(), PEOPLE);
    WrkLoad.Call same =
        new WrkLoad.Call("PUT", "/api/v1/customers/{user}", "Basic a2V5Og==", "{\"plan\":\"p1\"}");

    WrkLoad.Result result = wrk.run(same, 2, Duration.ofSeconds(1));

    assertThat(result.errors()).isZero();
    assertThat(seen).isNotEmpty().allMatch(r -> r.body().equals("{\"plan\":\"p1\"}"));
  }

  @Test
  void pairedWindowsAlternateTheNoOpAndTheCallAndBeginAndEndWithTheNoOp() throws Exception {
    assumeTrue(WrkLoad.available(), "wrk is not on the PATH");
    WrkLoad wrk = new WrkLoad("http://127.0.0.1:" + server.getAddress().getPort(), PEOPLE);
    WrkLoad.Call noop = new WrkLoad.Call("POST", "/bench/noop", "Basic a2V5Og==", "{}");
    WrkLoad.Call event =
        new WrkLoad.Call("POST", "/api/v1/customers/{user}/events", "Basic a2V5Og==", "{}");

    PairedShares.Share share =
        PairedShares.measure(wrk, noop, event, 2, new PairedShares.Plan(2, Duration.ofSeconds(1)));

    assertThat(share.noop()).hasSize(3).allMatch(rate -> rate > 0);
    assertThat(share.call()).hasSize(2).allMatch(rate -> rate > 0);
    // The order the server saw them in: one run of no-op calls around each run of events.
    List<String> runs = new java.util.ArrayList<>();
    for (Seen s : seen) {
      String kind = s.path().equals("/bench/noop") ? "no-op" : "event";
      if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(kind)) {
        runs.add(kind);
      }
    }
    assertThat(runs).containsExactly("no-op", "event", "no-op", "event", "no-op");
  }
}
