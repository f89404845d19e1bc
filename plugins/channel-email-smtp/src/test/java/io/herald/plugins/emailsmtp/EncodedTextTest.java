package io.herald.plugins.emailsmtp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text parts encoded beforehand carry the bytes Jakarta Mail writes for a part given as text. */
class EncodedTextTest {

  /** ASCII, long-line, mostly-ASCII, non-ASCII, control-character and empty texts. */
  static final List<String> TEXTS =
      List.of(
          "",
          "plain ascii\r\nlines\n\ttabbed",
          "a".repeat(998),
          "a".repeat(999),
          "x".repeat(500) + "\n" + "y".repeat(999),
          "trailing space \nand = sign and tab\t\r\nend ",
          "Grüße aus Köln, mostly ASCII",
          "日本語のテキスト",
          "half ü" + "é".repeat(3),
          "bell \u0007 and nul \u0000 count as non-ASCII",
          "<p>Hi Ada</p>".repeat(800),
          "€".repeat(10) + "a".repeat(31),
          "€".repeat(10) + "a".repeat(30));

  /** The content Jakarta Mail writes for {@code text} set on a part, in {@code encoding}. */
  private static byte[] jakartaMails(String text, String subtype, String encoding)
      throws Exception {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(text, "UTF-8", subtype);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream encoder = MimeUtility.encode(out, encoding)) {
      part.getDataHandler().writeTo(encoder);
    }
    return out.toByteArray();
  }

  @Test
  void theEncodedBytesAreJakartaMailsForEveryEncoding() throws Exception {
    for (String text : TEXTS) {
      for (String subtype : List.of("plain", "html")) {
        EncodedText encoded = EncodedText.of(text, subtype);
        String label = (text.length() > 30 ? text.substring(0, 30) + "…" : text) + " " + subtype;
        assertThat(encoded.encoding()).as(label).isEqualTo(TransferEncoding.ofText(text));
        assertThat(encoded.contentType()).isEqualTo("text/" + subtype + "; charset=UTF-8");
        assertThat(encoded.content())
            .as(label)
            .isEqualTo(jakartaMails(text, subtype, encoded.encoding()));
      }
    }
    assertThat(List.of("7bit", "quoted-printable", "base64"))
        .allMatch(e -> TEXTS.stream().anyMatch(t -> TransferEncoding.ofText(t).equals(e)));
  }

  @Test
  void aPartOfTheEncodedBytesDecodesToTheText() throws Exception {
    for (String text : TEXTS) {
      MimeBodyPart part = EncodedText.of(text, "html").part();
      assertThat(part.getContentType()).isEqualTo("text/html; charset=UTF-8");
      assertThat(part.getEncoding()).isEqualTo(TransferEncoding.ofText(text));
      // Quoted-printable writes a line break as CRLF, as Jakarta Mail does for a text part.
      assertThat(((String) part.getContent()).replace("\r\n", "\n"))
          .isEqualTo(text.replace("\r\n", "\n"));
    }
  }
}
