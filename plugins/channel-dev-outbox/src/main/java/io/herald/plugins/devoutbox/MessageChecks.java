package io.herald.plugins.devoutbox;

import io.herald.plugin.api.OutboundMessage;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What makes an email malformed, checked as an SMTP provider checks before it connects: addresses
 * that are not exactly one mailbox, line breaks where they would inject headers, header names that
 * are not RFC 5322 field names. Reasons name the field, never its value.
 */
final class MessageChecks {

  /** RFC 5322 field name: printable US-ASCII except colon. */
  private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]{1,998}");

  private MessageChecks() {}

  /** The first problem of {@code message}, empty when it is well-formed. */
  static Optional<String> problem(OutboundMessage message) {
    if (EmailAddresses.parse(message.recipient()).isEmpty()) {
      return Optional.of("recipient: not a valid email address");
    }
    if (!message.from().isBlank() && EmailAddresses.parse(message.from()).isEmpty()) {
      return Optional.of("from: not a valid email address");
    }
    if (!message.replyTo().isBlank() && EmailAddresses.parse(message.replyTo()).isEmpty()) {
      return Optional.of("replyTo: not a valid email address");
    }
    for (String cc : message.cc()) {
      if (EmailAddresses.parse(cc).isEmpty()) {
        return Optional.of("cc: not a valid email address");
      }
    }
    for (String bcc : message.bcc()) {
      if (EmailAddresses.parse(bcc).isEmpty()) {
        return Optional.of("bcc: not a valid email address");
      }
    }
    if (hasLineBreak(message.subject())) {
      return Optional.of("subject: contains a line break");
    }
    for (Map.Entry<String, String> header : message.headers().entrySet()) {
      if (!HEADER_NAME.matcher(header.getKey()).matches()) {
        return Optional.of("headers: a header name is not an RFC 5322 field name");
      }
      if (hasLineBreak(header.getValue())) {
        return Optional.of("headers." + header.getKey() + ": contains a line break");
      }
    }
    for (OutboundMessage.Attachment attachment : message.attachments()) {
      if (attachment.filename().isBlank() || hasLineBreak(attachment.filename())) {
        return Optional.of("attachments: a file name is empty or contains a line break");
      }
    }
    return Optional.empty();
  }

  private static boolean hasLineBreak(String text) {
    return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
  }
}
