package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.shared.json.Jsons;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class TopicRulesTest {

  private static JsonObject attributes(String json) {
    try (var reader = Jsons.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  @Test
  void anExplicitChoiceDecidesWhateverTheDefault() {
    JsonObject prefs =
        attributes(
            "{\"cio_subscription_preferences\":{\"topics\":{\"topic_1\":true,\"topic_2\":false}}}");
    assertThat(TopicRules.subscribed(prefs, "topic_1", false)).isTrue();
    assertThat(TopicRules.subscribed(prefs, "topic_2", true)).isFalse();
    assertThat(TopicRules.choice(prefs, "topic_2")).contains(false);
  }

  @Test
  void withoutAChoiceTheTopicDefaultDecides() {
    JsonObject prefs =
        attributes("{\"cio_subscription_preferences\":{\"topics\":{\"topic_1\":true}}}");
    assertThat(TopicRules.subscribed(prefs, "topic_9", true)).isTrue();
    assertThat(TopicRules.subscribed(prefs, "topic_9", false)).isFalse();
    assertThat(TopicRules.choice(prefs, "topic_9")).isEmpty();
  }

  @Test
  void missingOrMalformedPreferencesAreNoChoice() {
    assertThat(TopicRules.choice(attributes("{}"), "topic_1")).isEmpty();
    assertThat(TopicRules.choice(null, "topic_1")).isEmpty();
    assertThat(
            TopicRules.choice(attributes("{\"cio_subscription_preferences\":\"yes\"}"), "topic_1"))
        .isEmpty();
    assertThat(
            TopicRules.choice(
                attributes("{\"cio_subscription_preferences\":{\"topics\":[true]}}"), "topic_1"))
        .isEmpty();
    assertThat(
            TopicRules.choice(
                attributes(
                    "{\"cio_subscription_preferences\":{\"topics\":{\"topic_1\":\"false\"}}}"),
                "topic_1"))
        .isEmpty();
  }

  @Test
  void referencesNameTopicsByIdentifierOrNumber() {
    assertThat(TopicRules.number("topic_3")).contains(3L);
    assertThat(TopicRules.number("3")).contains(3L);
    assertThat(TopicRules.number("topic_")).isEmpty();
    assertThat(TopicRules.number("topic_0")).isEmpty();
    assertThat(TopicRules.number("topic_-1")).isEmpty();
    assertThat(TopicRules.number("newsletter")).isEmpty();
    assertThat(TopicRules.number("topic_1234567890123456789")).isEmpty();
    assertThat(TopicRules.number(null)).isEmpty();
  }
}
