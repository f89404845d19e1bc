package io.herald.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.app.it.Http.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Assertions and test data shared by the container tests. */
public final class ApiAssertions {

  private ApiAssertions() {}

  /** A value unique to this test run, for ids and emails. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A Track v1 error: the status, and a {@code meta.errors} message containing the fragment. */
  public static void assertV1Error(Answer answer, int status, String fragment) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    JsonNode errors = answer.json().at("/meta/errors");
    assertThat(errors.isArray()).as(answer.body()).isTrue();
    List<String> messages = new ArrayList<>();
    errors.forEach(e -> messages.add(e.asText()));
    assertThat(String.join("\n", messages)).contains(fragment);
  }

  /** An App API error: the status, and a {@code meta.error} message containing the fragment. */
  public static void assertAppError(Answer answer, int status, String fragment) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    JsonNode error = answer.json().at("/meta/error");
    assertThat(error.isTextual()).as(answer.body()).isTrue();
    assertThat(error.asText()).contains(fragment);
  }
}
