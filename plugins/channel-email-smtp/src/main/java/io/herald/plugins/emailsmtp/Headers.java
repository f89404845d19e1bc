package io.herald.plugins.emailsmtp;

import java.util.Locale;
import java.util.Set;

/** Checks on header names and values taken from messages. */
final class Headers {

  /**
   * Headers the provider sets itself from the message's fields or the MIME structure; a message's
   * {@code headers()} may not override them (Cc and Bcc would add recipients behind the host's
   * back).
   */
  private static final Set<String> RESERVED =
      Set.of(
          "from",
          "sender",
          "to",
          "cc",
          "bcc",
          "reply-to",
          "subject",
          "date",
          "message-id",
          "mime-version",
          "content-type",
          "content-transfer-encoding",
          "dkim-signature");

  private Headers() {}

  /** Whether the text holds a CR or LF, which would let it start a new header line. */
  static boolean hasLineBreak(String text) {
    return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
  }

  /** Whether {@code name} is an RFC 5322 field name: printable ASCII without colon or space. */
  static boolean isValidName(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 33 || c > 126 || c == ':') {
        return false;
      }
    }
    return true;
  }

  /** Whether the provider sets this header itself. */
  static boolean isReserved(String name) {
    return RESERVED.contains(name.toLowerCase(Locale.ROOT));
  }
}
