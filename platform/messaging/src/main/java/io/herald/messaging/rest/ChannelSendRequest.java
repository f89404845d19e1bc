package io.herald.messaging.rest;

import io.herald.messaging.api.ChannelFields;
import io.herald.messaging.api.ChannelSend;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.people.api.PersonRef;
import io.herald.shared.json.JsonJava;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Customer.io's {@code POST /v1/send/sms|push|whatsapp|in_app} bodies (API-COMPAT.md B.2)
 * into a {@link ChannelSend}, naming every bad field. The channel's content fields ({@link
 * ChannelFields}) may be given inline: push's {@code title}, {@code message}, {@code image_url},
 * {@code link}, {@code sound}, {@code custom_data}, {@code custom_payload} as in Customer.io;
 * Herald's own {@code body} (SMS, WhatsApp), {@code template} and {@code media} (WhatsApp) and
 * {@code title}, {@code message}, {@code type}, {@code image_url}, {@code buttons} (in-app).
 * WhatsApp also takes Customer.io's {@code language} (the template's language) and {@code
 * attachments} ({@link WhatsAppAttachments}).
 */
final class ChannelSendRequest {

  private static final int MAX_ADDRESS = 998;

  private ChannelSendRequest() {}

  static ChannelSend parse(String channel, JsonObject body) {
    List<String> problems = new ArrayList<>();
    Fields f = new Fields(body, problems);
    String messageId = f.stringOrInteger("transactional_message_id", 255);
    JsonObject identifiers = f.object("identifiers");
    Optional<PersonRef> ref = Optional.empty();
    if (identifiers == null) {
      if (!body.containsKey("identifiers")) {
        problems.add("identifiers is required: {\"id\": …}, {\"email\": …} or {\"cio_id\": …}");
      }
    } else {
      ref = PersonRef.fromIdentifiers(identifiers, "identifiers", problems);
    }
    // In-app messages go to the person; Customer.io's in-app body has no "to".
    String to = channel.equals("in_app") ? null : f.string("to", MAX_ADDRESS);
    JsonObject messageData = f.object("message_data");
    String from = null;
    if (channel.equals("sms") || channel.equals("whatsapp")) {
      from = f.string("from", MAX_ADDRESS);
    }
    JsonObject customDevice = null;
    if (channel.equals("push")) {
      customDevice = f.object("custom_device");
      if (customDevice != null
          && !(customDevice.get("token") instanceof JsonString)
          && !(customDevice.get("id") instanceof JsonString)) {
        problems.add("custom_device.token must be a string");
      }
    }
    Long sendAt = f.integer("send_at");
    Boolean queueDraft = f.bool("queue_draft");
    Boolean sendToUnsubscribed = f.bool("send_to_unsubscribed");
    Boolean noRetention = f.bool("disable_message_retention");
    if (!channel.equals("whatsapp")) {
      // Customer.io's translation choice; WhatsApp's is a content field (the template language).
      f.string("language", 64);
    }
    f.bool("tracked");
    Map<String, Object> content = content(channel, body, f, problems);
    if (channel.equals("whatsapp")) {
      WhatsAppAttachments.read(f.strings("attachments"), content, problems);
    }
    if (sendAt != null && (sendAt < 0 || sendAt > 253_402_300_799L)) {
      problems.add("send_at must be Unix seconds");
    }
    if (!problems.isEmpty()) {
      throw new InvalidMessageException(problems);
    }
    return new ChannelSend(
        channel,
        messageId,
        ref.orElseThrow(),
        to,
        messageData == null ? Map.of() : JsonJava.toMap(messageData),
        content,
        from,
        customDevice,
        sendAt == null ? null : Instant.ofEpochSecond(sendAt),
        Boolean.TRUE.equals(queueDraft),
        sendToUnsubscribed,
        Boolean.TRUE.equals(noRetention));
  }

  /** The channel's content fields present in {@code body}, type-checked. */
  static Map<String, Object> content(
      String channel, JsonObject body, Fields f, List<String> problems) {
    Map<String, Object> content = new LinkedHashMap<>();
    for (ChannelFields.Field field : ChannelFields.of(channel)) {
      JsonValue v = body.get(field.name());
      if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
        continue;
      }
      switch (field.kind()) {
        case TEXT -> {
          String s = f.string(field.name(), field.maxLength());
          if (s != null) {
            content.put(field.name(), s);
          }
        }
        case STRING_MAP -> {
          Map<String, String> m = f.strings(field.name());
          if (m != null) {
            content.put(field.name(), m);
          }
        }
        case OBJECT -> {
          JsonObject o = f.object(field.name());
          if (o != null) {
            content.put(field.name(), JsonJava.toMap(o));
          }
        }
        case OBJECT_LIST -> {
          if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            problems.add(field.name() + " must be an array of objects");
            continue;
          }
          List<Object> list = new ArrayList<>();
          for (JsonValue item : v.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
              problems.add(field.name() + " must be an array of objects");
              list = null;
              break;
            }
            list.add(JsonJava.toMap(item.asJsonObject()));
          }
          if (list != null) {
            content.put(field.name(), list);
          }
        }
        case INTEGER -> {
          Long n = f.integer(field.name());
          if (n != null && (n < 0 || n > field.maxLength())) {
            problems.add(field.name() + " must be between 0 and " + field.maxLength());
          } else if (n != null) {
            content.put(field.name(), n);
          }
        }
        default -> throw new IllegalStateException(field.kind().name());
      }
    }
    return content;
  }
}
