package io.herald.plugins.smstwilio;

/** The TwiML answers to Twilio's webhooks (https://www.twilio.com/docs/messaging/twiml). */
final class TwiML {

  /** The media type Twilio expects TwiML in. */
  static final String CONTENT_TYPE = "text/xml; charset=UTF-8";

  /** Nothing to do or say. */
  static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

  private TwiML() {}

  /** Reply to the sender with {@code text}; {@link #EMPTY} when the text is blank. */
  static String message(String text) {
    if (text == null || text.isBlank()) {
      return EMPTY;
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"
        + escape(text)
        + "</Message></Response>";
  }

  /** XML character data: the five predefined entities, and no characters XML 1.0 forbids. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '&':
                  out.append("&amp;");
                  break;
                case '<':
                  out.append("&lt;");
                  break;
                case '>':
                  out.append("&gt;");
                  break;
                case '"':
                  out.append("&quot;");
                  break;
                case '\'':
                  out.append("&apos;");
                  break;
                default:
                  if (allowed(cp)) {
                    out.appendCodePoint(cp);
                  }
              }
            });
    return out.toString();
  }

  private static boolean allowed(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || cp >= 0x10000;
  }
}
