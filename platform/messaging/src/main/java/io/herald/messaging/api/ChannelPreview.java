package io.herald.messaging.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message of a channel other than email as it would go out for a person, or the error that stops
 * it (the console's preview).
 *
 * @param channel {@code sms}, {@code push}, {@code whatsapp} or {@code in_app}
 * @param subject push and in-app: the title
 * @param body the text (push and in-app: the message)
 * @param from SMS and WhatsApp: the sender override, empty for the channel's
 * @param payload the plugin API payload keys the provider would get
 * @param error why it does not render, null when it does (then the other fields are empty)
 */
public record ChannelPreview(
    String channel,
    String subject,
    String body,
    String from,
    Map<String, Object> payload,
    TemplateError error) {

  /** Copies the payload. */
  public ChannelPreview {
    payload =
        payload == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(payload));
  }
}
