package io.herald.messaging.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.OutboundMessage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A rendered message of a channel other than email as the delivery log keeps it until it is sent
 * ({@code messaging_delivery.content}, JSON), in the shape of plugin API 1.4.0's {@link
 * OutboundMessage}: what the channels share and the channel's {@code payload} keys (plugin-api
 * README, "Channel payloads").
 *
 * @param channel {@code sms}, {@code push}, {@code whatsapp}, {@code in_app}, {@code webhook} or
 *     {@code slack}
 * @param subject push and in-app: the title; empty otherwise
 * @param body the text (push and in-app: the message)
 * @param from SMS and WhatsApp: the sender override, empty for the channel's
 * @param payload the channel's structured content
 * @param headers webhook: the request headers (rendered); empty otherwise
 * @param maxAttempts how many times the provider may be called before a retryable failure becomes
 *     final (webhook {@code retries} + 1); null for the messaging setting
 */
record ChannelComposed(
    String channel,
    String subject,
    String body,
    String from,
    Map<String, Object> payload,
    Map<String, String> headers,
    Integer maxAttempts) {

  private static final ObjectMapper JSON = new ObjectMapper();

  @JsonCreator
  ChannelComposed {
    subject = subject == null ? "" : subject;
    body = body == null ? "" : body;
    from = from == null ? "" : from;
    payload =
        payload == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    headers =
        headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** Without headers and with the messaging setting's attempts. */
  ChannelComposed(
      String channel, String subject, String body, String from, Map<String, Object> payload) {
    this(channel, subject, body, from, payload, null, null);
  }

  /** The same message with one more payload key (a push device's platform). */
  ChannelComposed withPayload(String key, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(payload);
    more.put(key, value);
    return new ChannelComposed(channel, subject, body, from, more, headers, maxAttempts);
  }

  /** The JSON in its stored form, compressed as it is written ({@link StoredBody#write}). */
  StoredBody stored() {
    return StoredBody.write(out -> JSON.writeValue(out, this));
  }

  /** Reads the stored form, inflating as it parses. */
  static ChannelComposed fromStored(StoredBody stored) {
    try (java.io.InputStream in = stored.open()) {
      return JSON.readValue(in, ChannelComposed.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored message content is not readable", e);
    }
  }

  /** The plugin API's channel kind of a Herald channel name. */
  static ChannelKind kind(String channel) {
    return ChannelKind.valueOf(channel.toUpperCase(Locale.ROOT));
  }

  /**
   * The message handed to the plugin; the delivery id is the idempotency key.
   *
   * @param cioId the person it is for, passed as metadata {@code cio_id} (null for none)
   */
  OutboundMessage toOutbound(String deliveryId, String recipient, String cioId) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("delivery_id", deliveryId);
    if (cioId != null) {
      metadata.put("cio_id", cioId);
    }
    return OutboundMessage.builder(deliveryId, kind(channel), recipient)
        .subject(subject)
        .body(body)
        .from(from)
        .headers(headers)
        .metadata(metadata)
        .payload(payload)
        .build();
  }
}
