package io.herald.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.herald.app.it.Http;
import io.herald.app.it.Http.Answer;
import io.herald.app.it.ItConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks the served OpenAPI document against the running server: every documented operation is
 * routed (never 404/405 for a well-authenticated call), and answers with a documented status whose
 * error body has the documented shape.
 */
final class OpenApiContract {

  private final Http http;

  OpenApiContract(Http http) {
    this.http = http;
  }

  JsonNode document() {
    Answer answer = http.get("openapi", null);
    assertThat(answer.status()).isEqualTo(200);
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Calls every operation; returns how many were checked. */
  int checkEveryOperation() {
    JsonNode paths = document().path("paths");
    int checked = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      String concrete = path.getKey().replaceAll("\\{[^}]+}", "openapi-probe").substring(1);
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        // An operation with "security: []" (a signed export download) is called without one.
        Iterator<String> schemes = op.getValue().at("/security/0").fieldNames();
        String scheme = schemes.hasNext() ? schemes.next() : "none";
        String auth =
            switch (scheme) {
              case "trackBasic" -> Http.track();
              case "pipelinesBasic" -> Http.basic(ItConfig.writeKey(), "");
              case "none" -> null;
              default -> Http.app();
            };
        Answer answer =
            switch (op.getKey()) {
              case "get" -> http.get(concrete, auth);
              case "put" -> http.put(concrete, auth, "{}");
              case "post" -> http.post(concrete, auth, "{}");
              case "delete" -> http.delete(concrete, auth);
              default -> throw new AssertionError("unexpected method " + op.getKey());
            };
        String where = op.getKey().toUpperCase() + " " + path.getKey();
        assertThat(answer.status()).as(where + " does not fail").isLessThan(500);
        // A resource's own 404 ("no such person") is JSON; an unrouted path gets Payara's HTML
        // page.
        assertThat(answer.body()).as(where + " is routed to a resource").startsWith("{");
        assertThat(answer.status()).as(where).isNotEqualTo(405);
        JsonNode responses = op.getValue().path("responses");
        assertThat(responses.has(Integer.toString(answer.status())))
            .as(where + " answered " + answer.status() + ", which is documented")
            .isTrue();
        checked++;
      }
    }
    return checked;
  }
}
