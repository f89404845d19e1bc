package io.herald.plugins.emailsmtp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeUtility;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransferEncodingTest {

  /** What Jakarta Mail itself chooses for the text as a UTF-8 text part. */
  private static String jakartaMails(String text, String subtype) throws Exception {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(text, "UTF-8", subtype);
    return MimeUtility.getEncoding(part.getDataHandler());
  }

  @Test
  void choosesWhatJakartaMailChooses() throws Exception {
    List<String> texts = EncodedTextTest.TEXTS;
    for (String text : texts) {
      for (String subtype : List.of("plain", "html")) {
        assertThat(TransferEncoding.ofText(text))
            .as("%s (%s)", text.length() > 40 ? text.substring(0, 40) + "…" : text, subtype)
            .isEqualTo(jakartaMails(text, subtype));
      }
    }
  }

  @Test
  void theComposedPartsKeepTheEncodingJakartaMailWouldHaveChosen() throws Exception {
    assertThat(TransferEncoding.ofText("hello")).isEqualTo("7bit");
    assertThat(TransferEncoding.ofText("a".repeat(999))).isEqualTo("quoted-printable");
    assertThat(TransferEncoding.ofText("日本語")).isEqualTo("base64");
  }
}
