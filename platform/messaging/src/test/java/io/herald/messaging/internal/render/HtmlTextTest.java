package io.herald.messaging.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void whitespaceRunsBecomeOneSpaceAndBlocksLines() {
    String html =
        "<html><head><title>T</title><style>p{}</style></head><body>"
            + "<span data-herald-preheader>hidden</span>"
            + "<h1>  Hello\t\n  Ada  </h1>"
            + "<p>One&nbsp;&nbsp; two \r\n three<br>four\u000b\ffive</p>"
            + "<ul><li>a</li><li>b <a href=\"https://x.test/\">link</a></li></ul>"
            + "<table><tr><td>c1</td><td>c2</td></tr></table>"
            + "<script>var x;</script><img alt=\"logo\" src=\"l.png\"></body></html>";

    assertThat(HtmlText.of(html))
        .isEqualTo(
            "Hello Ada\n\nOne two three\nfour five\n\na\nb link (https://x.test/)\nc1 c2\nlogo");
  }

  @Test
  void aFragmentReadsLikeAWholeDocument() {
    assertThat(HtmlText.of("<style>p{}</style><p>Hi   <b>you</b></p>\n\n\n<p>Bye</p>"))
        .isEqualTo("Hi you\n\nBye");
  }

  /**
   * The two passes {@link HtmlText.Lines} replaced, one character at a time, as the reference: text
   * nodes' whitespace runs collapsed into one buffer with what else is written, then the buffer
   * split into lines, each cleaned, blank lines dropped but for one between two lines of text.
   */
  private static final class TwoPasses {
    private final StringBuilder raw = new StringBuilder();

    void text(String text) {
      boolean inSpace = false;
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        boolean space =
            ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\u000b';
        if (!space) {
          raw.append(ch);
        } else if (!inSpace) {
          raw.append(' ');
        }
        inSpace = space;
      }
    }

    void raw(String text) {
      raw.append(text);
    }

    void newline() {
      if (raw.length() > 0 && raw.charAt(raw.length() - 1) != '\n') {
        raw.append('\n');
      }
    }

    String tidy() {
      StringBuilder out = new StringBuilder();
      int blankRun = 0;
      for (String line : raw.toString().split("\n", -1)) {
        String clean = cleaned(line);
        if (clean.isEmpty()) {
          blankRun++;
          continue;
        }
        if (out.length() > 0) {
          out.append(blankRun > 0 ? "\n\n" : "\n");
        }
        out.append(clean);
        blankRun = 0;
      }
      return out.toString();
    }

    private static String cleaned(String line) {
      StringBuilder out = new StringBuilder(line.length());
      boolean inSpace = false;
      for (int i = 0; i < line.length(); i++) {
        char ch = line.charAt(i) == '\u00a0' ? ' ' : line.charAt(i);
        if (ch != ' ' || !inSpace) {
          out.append(ch);
        }
        inSpace = ch == ' ';
      }
      return out.toString().strip();
    }
  }

  @Test
  void linesAreWrittenAsTheTwoPassesWroteThem() {
    String alphabet = "ab \t\n\r\f\u000b\u00a0é€\u2003";
    java.util.Random random = new java.util.Random(20261201);
    for (int n = 0; n < 5_000; n++) {
      HtmlText.Lines lines = new HtmlText.Lines();
      TwoPasses reference = new TwoPasses();
      StringBuilder calls = new StringBuilder();
      int count = random.nextInt(12);
      for (int c = 0; c < count; c++) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String t = text.toString();
        switch (random.nextInt(3)) {
          case 0 -> {
            lines.text(t);
            reference.text(t);
            calls.append("text(").append(t).append(") ");
          }
          case 1 -> {
            lines.raw(t);
            reference.raw(t);
            calls.append("raw(").append(t).append(") ");
          }
          default -> {
            lines.newline();
            reference.newline();
            calls.append("newline() ");
          }
        }
      }
      assertThat(lines.toString()).as("%s", calls).isEqualTo(reference.tidy());
    }
  }
}
