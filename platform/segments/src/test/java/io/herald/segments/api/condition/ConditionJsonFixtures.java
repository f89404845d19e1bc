package io.herald.segments.api.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** What the condition JSON tests share: JSON in single quotes, documents, rejection checks. */
final class ConditionJsonFixtures {

  static final String NODE_TYPES =
      "and, or, not, attribute, event, engagement, relationship, segment, device";
  static final String OPERATORS =
      "equals, not_equals, exists, not_exists, contains, starts_with, ends_with, greater_than,"
          + " less_than, before, after, within_last_days, within_next_days, in_list, regex";
  static final String ATTRIBUTE_FIELDS = "name, operator, timezone, value";

  static String attr(String operatorAndValue) {
    return doc("{'attribute':{'name':'a'," + operatorAndValue + "}}");
  }

  static String event(String fields) {
    return doc("{'event':{'name':'e'," + fields + "}}");
  }

  private ConditionJsonFixtures() {}

  /** JSON written with single quotes for readability. */
  static JsonValue json(String text) {
    return Json.createReader(new StringReader(text.replace('\'', '"'))).readValue();
  }

  static ConditionDocument parse(String text) {
    return ConditionJson.parse(json(text));
  }

  /** A document around one node. */
  static String doc(String node) {
    return "{'version':1,'condition':" + node + "}";
  }

  /** Asserts that the document is rejected with exactly that path and reason. */
  static void assertInvalid(String json, String path, String reason) {
    InvalidConditionException e =
        catchThrowableOfType(() -> parse(json), InvalidConditionException.class);
    assertThat(e).as("rejected: %s", json).isNotNull();
    assertThat(e.path()).isEqualTo(path);
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.getMessage()).isEqualTo(path + ": " + reason);
  }
}
