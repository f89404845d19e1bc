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
}
