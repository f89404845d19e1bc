package io.herald.messaging.rest;

import io.herald.messaging.api.EmailSend;
import io.herald.messaging.api.InvalidMessageException;
import io.herald.people.api.PersonRef;
import io.herald.shared.json.JsonJava;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Customer.io's {@code POST /v1/send/email} body (API-COMPAT.md B.2) into an {@link
 * EmailSend}, naming every bad field.
 */
final class EmailSendRequest {

  /** Fields Customer.io accepts that Herald does not act on yet; refused rather than ignored. */
  private static final Set<String> REFUSED = Set.of("body_amp");

  private static final int MAX_TEXT = 1_000_000;
  private static final int MAX_ADDRESS = 998;

  private EmailSendRequest() {}

  static EmailSend parse(JsonObject body) {
    List<String> problems = new ArrayList<>();
    Fields f = new Fields(body, problems);
    for (String name : REFUSED) {
      if (body.containsKey(name)) {
        problems.add(name + " is not supported by Herald yet");
      }
    }
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
    String to = f.string("to", MAX_ADDRESS);
    JsonObject messageData = f.object("message_data");
    String from = f.string("from", MAX_ADDRESS);
    String replyTo = f.string("reply_to", MAX_ADDRESS);
    String subject = f.string("subject", 10_000);
    String preheader = f.string("preheader", 10_000);
    String html = f.string("body", MAX_TEXT);
    String plain = f.string("body_plain", MAX_TEXT);
    Map<String, String> headers = f.strings("headers");
    Map<String, String> attachmentData = f.strings("attachments");
    Long sendAt = f.integer("send_at");
    Boolean queueDraft = f.bool("queue_draft");
    Boolean sendToUnsubscribed = f.bool("send_to_unsubscribed");
    Boolean noRetention = f.bool("disable_message_retention");
    Boolean tracked = f.bool("tracked");
    String ccText = f.string("cc", 50_000);
    String bccText = f.string("bcc", 50_000);
    Boolean fakeBcc = f.bool("fake_bcc");
    List<String> cc = AddressList.parse("cc", ccText, problems);
    List<String> bcc = AddressList.parse("bcc", bccText, problems);
    f.bool("disable_css_preprocessing");
    f.string("language", 64);

    if (messageId == null && !body.containsKey("transactional_message_id")) {
      for (String required : List.of("from", "subject", "body")) {
        if (!body.containsKey(required)) {
          problems.add(required + " is required when no transactional_message_id names a template");
        }
      }
    }
    List<EmailSend.Attachment> attachments = new ArrayList<>();
    if (attachmentData != null) {
      attachmentData.forEach(
          (name, data) -> {
            if (name.isBlank() || name.contains("/") || name.contains("\\")) {
              problems.add("attachments." + name + " must be a file name without a path");
              return;
            }
            try {
              attachments.add(
                  new EmailSend.Attachment(
                      name, Base64.getDecoder().decode(data.replaceAll("\\s", ""))));
            } catch (IllegalArgumentException e) {
              problems.add("attachments." + name + " must be base64");
            }
          });
    }
    if (headers != null) {
      for (String name : headers.keySet()) {
        if (!name.matches("[A-Za-z0-9-]{1,76}")) {
          problems.add("headers." + name + " is not a valid header name");
        }
      }
    }
    if (sendAt != null && (sendAt < 0 || sendAt > 253_402_300_799L)) {
      problems.add("send_at must be Unix seconds");
    }
    if (!problems.isEmpty()) {
      throw new InvalidMessageException(problems);
    }
    return new EmailSend(
        messageId,
        ref.orElseThrow(),
        to,
        messageData == null ? Map.of() : JsonJava.toMap(messageData),
        from,
        replyTo,
        subject,
        preheader,
        html,
        plain,
        headers,
        attachments,
        sendAt == null ? null : Instant.ofEpochSecond(sendAt),
        Boolean.TRUE.equals(queueDraft),
        sendToUnsubscribed,
        Boolean.TRUE.equals(noRetention),
        !Boolean.FALSE.equals(tracked),
        cc,
        bcc,
        Boolean.TRUE.equals(fakeBcc));
  }
}
