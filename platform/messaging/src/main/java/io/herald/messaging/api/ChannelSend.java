package io.herald.messaging.api;

import io.herald.people.api.PersonRef;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One transactional message on a channel other than email, as {@code POST /v1/send/sms}, {@code
 * /v1/send/push}, {@code /v1/send/whatsapp} and {@code /v1/send/in_app} describe it. Either {@code
 * transactionalMessageId} names a saved message of that channel (the fields of {@code content}
 * override its fields), or {@code content} holds the whole message ({@link ChannelFields}).
 *
 * @param channel {@code sms}, {@code push}, {@code whatsapp} or {@code in_app}
 * @param transactionalMessageId id or trigger name, null for inline content
 * @param identifiers the person; created when missing
 * @param to SMS and WhatsApp: the E.164 number (null for the person's {@code phone} attribute);
 *     push: {@code all}, {@code last_used} (null means this) or one of the person's device tokens;
 *     ignored for in-app
 * @param messageData Liquid's {@code trigger} variables
 * @param content the channel's fields ({@link ChannelFields#of}), JSON types as Java values
 * @param from SMS and WhatsApp: the sender number (or messaging service) overriding the channel's
 * @param customDevice push: a device to add to the person first ({@code {"token","platform",
 *     "last_used","attributes"}}), which then receives the message unless {@code to} says
 *     otherwise; null for none
 * @param sendAt when to send, null for now
 * @param queueDraft keep it as a draft instead of sending
 * @param sendToUnsubscribed null for the message's setting
 * @param disableMessageRetention drop the rendered content once sent
 */
public record ChannelSend(
    String channel,
    String transactionalMessageId,
    PersonRef identifiers,
    String to,
    Map<String, Object> messageData,
    Map<String, Object> content,
    String from,
    JsonObject customDevice,
    Instant sendAt,
    boolean queueDraft,
    Boolean sendToUnsubscribed,
    boolean disableMessageRetention) {

  /** Copies the maps. */
  public ChannelSend {
    messageData =
        messageData == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(messageData));
    content =
        content == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(content));
  }
}
