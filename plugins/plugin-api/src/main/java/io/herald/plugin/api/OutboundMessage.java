package io.herald.plugin.api;

import java.util.Map;
import java.util.Objects;

/**
 * A rendered message ready to hand to a provider.
 *
 * @param idempotencyKey stable key of this delivery: the same key means the same message
 * @param channel the channel the message is for
 * @param recipient address on that channel (email address, E.164 number, device token, URL)
 * @param subject subject or title where the channel has one (may be empty)
 * @param body rendered body (HTML for email, text for SMS, JSON for webhooks)
 * @param headers channel-specific headers (for example email headers), may be empty
 * @param metadata host metadata the provider may pass back in callbacks, may be empty
 */
public record OutboundMessage(
    String idempotencyKey,
    ChannelKind channel,
    String recipient,
    String subject,
    String body,
    Map<String, String> headers,
    Map<String, String> metadata) {

  /** Validates required fields and copies the maps. */
  public OutboundMessage {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(recipient, "recipient");
    subject = subject == null ? "" : subject;
    body = body == null ? "" : body;
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
