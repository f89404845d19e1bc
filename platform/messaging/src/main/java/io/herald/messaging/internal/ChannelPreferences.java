package io.herald.messaging.internal;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A person's choice for a whole channel, kept with Customer.io's topic preferences in {@code
 * cio_subscription_preferences}: {@code {"channels": {"sms": false}}}. Customer.io has no
 * documented key for it; Herald uses {@code channels.<channel>} ({@code sms}, {@code whatsapp},
 * {@code push}, {@code in_app}, {@code email}) beside {@code topics}. An explicit {@code false}
 * stops every message of the channel, even one that goes to unsubscribed people (an SMS STOP must
 * hold); anything else sends.
 */
final class ChannelPreferences {

  static final String ATTRIBUTE = "cio_subscription_preferences";
  static final String CHANNELS = "channels";

  private ChannelPreferences() {}

  /** Whether the person turned the channel off. */
  static boolean optedOut(JsonObject attributes, String channel) {
    JsonValue prefs = attributes == null ? null : attributes.get(ATTRIBUTE);
    if (prefs == null || prefs.getValueType() != JsonValue.ValueType.OBJECT) {
      return false;
    }
    JsonValue channels = prefs.asJsonObject().get(CHANNELS);
    if (channels == null || channels.getValueType() != JsonValue.ValueType.OBJECT) {
      return false;
    }
    return channels.asJsonObject().get(channel) == JsonValue.FALSE;
  }
}
