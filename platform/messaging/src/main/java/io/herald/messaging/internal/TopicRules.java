package io.herald.messaging.internal;

import io.herald.messaging.api.TopicView;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * Whether a person gets a topic's messages, from {@code cio_subscription_preferences.topics} as
 * Customer.io keeps it: an explicit {@code true} or {@code false} decides; without one the topic's
 * default does (opt-out topics send, opt-in topics do not).
 */
final class TopicRules {

  private static final int MAX_DIGITS = 18;

  private TopicRules() {}

  /**
   * The person's explicit choice for the topic, empty when they made none.
   *
   * @param attributes the person's attributes
   * @param identifier {@code topic_<n>}
   */
  static Optional<Boolean> choice(JsonObject attributes, String identifier) {
    JsonValue prefs = attributes == null ? null : attributes.get("cio_subscription_preferences");
    if (prefs == null || prefs.getValueType() != JsonValue.ValueType.OBJECT) {
      return Optional.empty();
    }
    JsonValue topics = prefs.asJsonObject().get("topics");
    if (topics == null || topics.getValueType() != JsonValue.ValueType.OBJECT) {
      return Optional.empty();
    }
    JsonValue value = topics.asJsonObject().get(identifier);
    if (value == JsonValue.TRUE) {
      return Optional.of(true);
    }
    if (value == JsonValue.FALSE) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  /** Whether the person is subscribed: their choice, or the topic's default without one. */
  static boolean subscribed(JsonObject attributes, String identifier, boolean byDefault) {
    return choice(attributes, identifier).orElse(byDefault);
  }

  /**
   * The topic number a reference names: {@code topic_3} and {@code 3} both name topic 3.
   *
   * @return empty for anything else
   */
  static Optional<Long> number(String reference) {
    if (reference == null) {
      return Optional.empty();
    }
    String digits =
        reference.startsWith(TopicView.PREFIX)
            ? reference.substring(TopicView.PREFIX.length())
            : reference;
    if (digits.isEmpty()
        || digits.length() > MAX_DIGITS
        || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      return Optional.empty();
    }
    long n = Long.parseLong(digits);
    return n > 0 ? Optional.of(n) : Optional.empty();
  }
}
