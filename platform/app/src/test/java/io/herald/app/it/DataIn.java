package io.herald.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.Http.Answer;
import java.util.ArrayList;
import java.util.List;

/** Calls the data-in suites share: a Pipelines call, a person's profile and events as read back. */
public final class DataIn {

  private final Http http;

  public DataIn(Http http) {
    this.http = http;
  }

  /** The write key as the official clients send it: {@code Basic base64("key:")}. */
  public static String writeKey() {
    return Http.basic(ItConfig.writeKey(), "");
  }

  /** {@code POST /v1/<call>} with the write key. */
  public Answer pipelines(String call, String body) {
    return http.post("v1/" + call, writeKey(), body);
  }

  /** The App API {@code customer} object of the person with this id (asserting it exists). */
  public JsonNode customer(String id) {
    Answer answer = http.get("v1/customers/" + id + "/attributes", Http.app());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("customer");
  }

  /** The person's events, page and screen views (not the profile changes the feed also holds). */
  public List<JsonNode> events(String id) {
    List<JsonNode> list = new ArrayList<>();
    http.get("v1/customers/" + id + "/activities?limit=100", Http.app())
        .json()
        .path("activities")
        .forEach(
            a -> {
              if (List.of("event", "page", "screen").contains(a.path("type").asText())) {
                list.add(a);
              }
            });
    return list;
  }
}
