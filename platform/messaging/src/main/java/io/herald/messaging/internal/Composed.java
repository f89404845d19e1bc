package io.herald.messaging.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.plugin.api.ChannelKind;
import io.herald.plugin.api.OutboundMessage;
import java.util.List;
import java.util.Map;

/**
 * A rendered email as the delivery log keeps it until it is sent ({@code
 * messaging_delivery.content}, JSON; attachment bytes as base64).
 *
 * @param from the sender, empty for the channel's default
 * @param replyTo the reply address, may be empty
 * @param subject the subject
 * @param html the HTML body
 * @param text the plain body
 * @param headers extra headers
 * @param attachments files
 * @param cc visible copy recipients
 * @param bcc hidden copy recipients (envelope only)
 */
record Composed(
    String from,
    String replyTo,
    String subject,
    String html,
    String text,
    Map<String, String> headers,
    List<File> attachments,
    List<String> cc,
    List<String> bcc) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * An attached file.
   *
   * @param filename its name
   * @param contentType its MIME type
   * @param content its bytes (base64 in JSON)
   */
  record File(String filename, String contentType, byte[] content) {}

  Composed {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    cc = cc == null ? List.of() : List.copyOf(cc);
    bcc = bcc == null ? List.of() : List.copyOf(bcc);
  }

  /** Without copy recipients. */
  Composed(
      String from,
      String replyTo,
      String subject,
      String html,
      String text,
      Map<String, String> headers,
      List<File> attachments) {
    this(from, replyTo, subject, html, text, headers, attachments, null, null);
  }

  /**
   * A {@code fake_bcc} copy: the same message to one more address, without copy recipients and
   * without the List-Unsubscribe headers, whose one click would unsubscribe the person the message
   * was for.
   */
  Composed fakeBccCopy() {
    Map<String, String> kept = new java.util.LinkedHashMap<>(headers);
    kept.keySet()
        .removeIf(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("list-unsubscribe"));
    return new Composed(from, replyTo, subject, html, text, kept, attachments, null, null);
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JSON in its stored form, compressed as it is written ({@link StoredBody#write}). */
  StoredBody stored() {
    return StoredBody.write(out -> JSON.writeValue(out, this));
  }

  /** Reads the stored form, inflating as it parses. */
  static Composed fromStored(StoredBody stored) {
    try (java.io.InputStream in = stored.open()) {
      return JSON.readValue(in, Composed.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored message content is not readable", e);
    }
  }

  static Composed fromJson(String json) {
    try {
      return JSON.readValue(json, Composed.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored message content is not readable", e);
    }
  }

  /** The message handed to the plugin; the delivery id is the idempotency key. */
  OutboundMessage toOutbound(String deliveryId, String recipient) {
    return toOutbound(deliveryId, recipient, null);
  }

  /**
   * The message handed to the plugin, with metadata {@code lane} ({@code transactional} or {@code
   * bulk}, none when null): the email plugin keeps a connection that bulk sends cannot take.
   */
  OutboundMessage toOutbound(String deliveryId, String recipient, String lane) {
    Map<String, String> metadata =
        lane == null
            ? Map.of("delivery_id", deliveryId)
            : Map.of("delivery_id", deliveryId, "lane", lane);
    return OutboundMessage.builder(deliveryId, ChannelKind.EMAIL, recipient)
        .from(from)
        .replyTo(replyTo)
        .subject(subject)
        .body(html)
        .text(text)
        .headers(headers)
        .metadata(metadata)
        .cc(cc)
        .bcc(bcc)
        .attachments(
            attachments.stream()
                .map(
                    f -> new OutboundMessage.Attachment(f.filename(), f.contentType(), f.content()))
                .toList())
        .build();
  }
}
