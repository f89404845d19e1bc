package io.herald.people.internal;

import io.herald.shared.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/** The {@code cio_subscription_preferences} attribute's merge rule. */
final class SubscriptionPreferences {

  private SubscriptionPreferences() {}

  /**
   * Customer.io merges subscription preferences topic by topic: a call naming topic_1 leaves
   * topic_2 as it was; a topic set to null is removed. Herald's per-channel choices ({@code
   * channels}, beside {@code topics}) merge the same way, channel by channel.
   */
  static JsonValue merged(JsonValue current, JsonValue update) {
    if (update == JsonValue.NULL || !(current instanceof JsonObject old)) {
      return update;
    }
    var merged = Jsons.createObjectBuilder();
    for (String part : List.of("topics", "channels")) {
      JsonObject before = old.get(part) instanceof JsonObject o ? o : null;
      JsonObject given = update.asJsonObject().get(part) instanceof JsonObject o ? o : null;
      if (before == null && given == null) {
        continue;
      }
      var choices =
          Jsons.createObjectBuilder(before == null ? JsonValue.EMPTY_JSON_OBJECT : before);
      if (given != null) {
        given.forEach(
            (name, on) -> {
              if (on == JsonValue.NULL) {
                choices.remove(name);
              } else {
                choices.add(name, on);
              }
            });
      }
      merged.add(part, choices);
    }
    return merged.build();
  }
}
