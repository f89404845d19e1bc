package io.herald.plugins.emailsmtp;

import java.nio.charset.StandardCharsets;

/**
 * The Content-Transfer-Encoding Jakarta Mail would choose for a UTF-8 text part, computed from the
 * bytes at once. Left to itself, {@code saveChanges} finds it by writing the text through a
 * byte-at-a-time stream, which was about half of a sending thread's CPU for a 10 KB email; setting
 * the header first skips that.
 *
 * <p>The rule is Jakarta Mail's ({@code MimeUtility.getEncoding} for {@code text/*}): {@code 7bit}
 * when every byte is ASCII and no line is longer than 998 bytes, {@code quoted-printable} when
 * ASCII bytes outnumber the others (or all are ASCII but a line is too long), else {@code base64}.
 * Control characters other than CR, LF and tab count as non-ASCII.
 */
final class TransferEncoding {

  private TransferEncoding() {}

  static String ofText(String text) {
    return ofUtf8(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The encoding of a text given as its UTF-8 bytes. */
  static String ofUtf8(byte[] bytes) {
    int ascii = 0;
    int nonAscii = 0;
    int lineLength = 0;
    boolean longLine = false;
    for (byte value : bytes) {
      int b = value & 0xff;
      if (b == '\r' || b == '\n') {
        lineLength = 0;
      } else if (++lineLength > 998) {
        longLine = true;
      }
      if (b >= 0177 || (b < 040 && b != '\r' && b != '\n' && b != '\t')) {
        nonAscii++;
      } else {
        ascii++;
      }
    }
    if (nonAscii == 0) {
      return longLine ? "quoted-printable" : "7bit";
    }
    return ascii > nonAscii ? "quoted-printable" : "base64";
  }
}
