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

  /** The character-by-character versions these replaced, as the reference. */
  private static String collapsedOneByOne(String text) {
    StringBuilder out = new StringBuilder();
    boolean inSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      boolean space =
          ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\u000b';
      if (!space) {
        out.append(ch);
      } else if (!inSpace) {
        out.append(' ');
      }
      inSpace = space;
    }
    return out.toString();
  }

  private static String cleanedOneByOne(String line) {
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

  @Test
  void runsAreCollapsedAndCleanedLikeOneCharacterAtATime() {
    String alphabet = "ab \t\n\r\f\u000b\u00a0é€";
    java.util.Random random = new java.util.Random(20261201);
    for (int n = 0; n < 5_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String t = text.toString();
      StringBuilder collapsed = new StringBuilder("x");
      HtmlText.collapse(t, collapsed);
      assertThat(collapsed.toString()).as("collapse %s", t).isEqualTo("x" + collapsedOneByOne(t));
      assertThat(HtmlText.clean(t)).as("clean %s", t).isEqualTo(cleanedOneByOne(t));
    }
  }
}
