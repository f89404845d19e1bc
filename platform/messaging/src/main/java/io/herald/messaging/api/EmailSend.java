package io.herald.messaging.api;

import io.herald.people.api.PersonRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One transactional email, as {@code POST /v1/send/email} describes it. Either {@code
 * transactionalMessageId} names a saved message (the other content fields override its parts), or
 * the content is inline ({@code from}, {@code subject} and {@code body} required).
 *
 * @param transactionalMessageId id or trigger name, null for inline content
 * @param identifiers the person; created when missing
 * @param to the recipient address, null for the person's email
 * @param messageData Liquid's {@code trigger} (and {@code message_data}) variables, JSON types as
 *     Java maps, lists, strings, numbers and booleans
 * @param from overrides the sender
 * @param replyTo overrides the reply address
 * @param subject overrides the subject
 * @param preheader overrides the preheader
 * @param body overrides the HTML body
 * @param bodyPlain overrides the plain body
 * @param headers extra email headers
 * @param attachments files, in order
 * @param sendAt when to send, null for now
 * @param queueDraft keep it as a draft instead of sending
 * @param sendToUnsubscribed null for the message's setting
 * @param disableMessageRetention drop the rendered content once sent
 * @param tracked rewrite links for click tracking and add the open pixel (default true)
 * @param cc visible copy recipients, each one address ({@code Name <a@b.c>} allowed)
 * @param bcc hidden copy recipients, each one address
 * @param fakeBcc send each {@code bcc} address a separate copy of the message instead of a real Bcc
 *     (Customer.io's {@code fake_bcc})
 */
public record EmailSend(
    String transactionalMessageId,
    PersonRef identifiers,
    String to,
    Map<String, Object> messageData,
    String from,
    String replyTo,
    String subject,
    String preheader,
    String body,
    String bodyPlain,
    Map<String, String> headers,
    List<Attachment> attachments,
    Instant sendAt,
    boolean queueDraft,
    Boolean sendToUnsubscribed,
    boolean disableMessageRetention,
    boolean tracked,
    List<String> cc,
    List<String> bcc,
    boolean fakeBcc) {

  /** Copies the collections. */
  public EmailSend {
    messageData =
        messageData == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(messageData));
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    cc = cc == null ? List.of() : List.copyOf(cc);
    bcc = bcc == null ? List.of() : List.copyOf(bcc);
  }

  /**
   * A file to attach.
   *
   * @param filename its name
   * @param content its bytes
   */
  public record Attachment(String filename, byte[] content) {}
}
