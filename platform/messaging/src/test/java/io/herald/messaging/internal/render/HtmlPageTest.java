package io.herald.messaging.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlPageTest {

  private static final String OUTLOOK =
      "<!DOCTYPE html><HTML lang=en><head><!--[if mso]><style>td{font:Arial}</style><![endif]-->"
          + "</head><BODY style='margin:0'><table role=presentation><tr><TD class=\"x\">Caf&eacute;"
          + " &amp; tea&nbsp;&gt; 3 &#8364; <a href='https://a.test/?x=1&amp;y=2' TARGET=_blank>A</a>"
          + "</TD></tr></table></BODY></HTML>";

  @Test
  void aPageWithoutEditsIsItsSourceByteForByte() {
    HtmlPage page = HtmlPage.parse(OUTLOOK);

    assertThat(page.html()).isEqualTo(OUTLOOK);
    assertThat(page.document().select("a").attr("href")).isEqualTo("https://a.test/?x=1&y=2");
  }

  @Test
  void anAttributeIsRewrittenWhereItIsWrittenWhateverItsQuoting() {
    String html =
        "<p><a href=\"https://d.test/\">D</a><a HREF='https://s.test/'>S</a>"
            + "<a href=https://u.test/>U</a><a class=x href = \"https://w.test/\" id=y>W</a></p>";
    HtmlPage page = HtmlPage.parse(html);
    List<Element> links = page.document().select("a");

    for (int i = 0; i < links.size(); i++) {
      page.setAttribute(links.get(i), "href", "https://t.test/" + i + "?a=1&b=\"2\"");
    }

    String value = "?a=1&amp;b=&quot;2&quot;\"";
    assertThat(page.html())
        .isEqualTo(
            "<p><a href=\"https://t.test/0"
                + value
                + ">D</a><a HREF=\"https://t.test/1"
                + value
                + ">S</a><a href=\"https://t.test/2"
                + value
                + ">U</a><a class=x href=\"https://t.test/3"
                + value
                + " id=y>W</a></p>");
    assertThat(Jsoup.parse(page.html()).select("a").eachAttr("href"))
        .containsExactly(
            "https://t.test/0?a=1&b=\"2\"",
            "https://t.test/1?a=1&b=\"2\"",
            "https://t.test/2?a=1&b=\"2\"",
            "https://t.test/3?a=1&b=\"2\"");
  }

  @Test
  void aRemovedAttributeLeavesNothingBehind() {
    String html =
        "<a href=x data-herald-untracked>1</a><a data-herald-untracked=\"\" href=y>2</a>"
            + "<a data-herald-untracked='yes'>3</a>";
    HtmlPage page = HtmlPage.parse(html);

    page.document().select("a").forEach(a -> page.removeAttribute(a, "data-herald-untracked"));

    assertThat(page.html()).isEqualTo("<a href=x >1</a><a  href=y>2</a><a >3</a>");
  }

  @Test
  void anAppendedElementGoesBeforeTheBodyEndTagOrAtTheEnd() {
    assertThat(appendImage("<html><body><p>Hi</p></body>\n</html>"))
        .isEqualTo("<html><body><p>Hi</p><img src=\"o.gif?a=1&amp;b=2\" alt=\"\"></body>\n</html>");
    assertThat(appendImage("<html><body><p>Hi</p></html>"))
        .isEqualTo("<html><body><p>Hi</p></html><img src=\"o.gif?a=1&amp;b=2\" alt=\"\">");
    assertThat(appendImage("<p>Hi</p>\n"))
        .isEqualTo("<p>Hi</p>\n<img src=\"o.gif?a=1&amp;b=2\" alt=\"\">");
  }

  private static String appendImage(String html) {
    HtmlPage page = HtmlPage.parse(html);
    page.appendToBody(new Element("img").attr("src", "o.gif?a=1&b=2").attr("alt", ""));
    return page.html();
  }

  @Test
  void aLinkTheParserClonedIsRewrittenOnce() {
    // Misnested: the parser closes <a> at <p> and opens a clone of it inside the paragraph.
    String html = "<b><a href=\"https://d.test/\">D<p>inside</a></b>";
    HtmlPage page = HtmlPage.parse(html);
    List<Element> links = page.document().select("a[href]");
    assertThat(links).hasSizeGreaterThan(1);

    links.forEach(a -> page.setAttribute(a, "href", "https://t.test/c"));

    assertThat(page.html()).isEqualTo("<b><a href=\"https://t.test/c\">D<p>inside</a></b>");
  }

  @Test
  void theSplicedPageReadsAsTheEditedDocument() {
    List<String> pages =
        List.of(
            OUTLOOK,
            "<p>Hi <a href=\"https://x.test/a b\">x</a><br/><a href=mailto:a@b.test>m</a></p>",
            "<div><a href='https://x.test/'\n  data-herald-untracked\n>u</a>"
                + "<img src=p.png alt='a > b'><a href=\"https://y.test/\">y</a></div>",
            "<html><head><title>T</title></head><body><table><tr><td><a href=https://z.test/>z"
                + "</a></td></tr></table></body></html>");
    for (String html : pages) {
      HtmlPage page = HtmlPage.parse(html);
      int n = 0;
      for (Element a : page.document().select("a[href]")) {
        if (a.hasAttr("data-herald-untracked")) {
          page.removeAttribute(a, "data-herald-untracked");
        } else {
          page.setAttribute(a, "href", "https://t.test/c/" + n++ + "?u=" + a.attr("href"));
        }
      }
      page.appendToBody(new Element("img").attr("src", "https://t.test/o.gif"));

      String spliced = page.html();
      String serialised = page.document().outerHtml();
      assertThat(Jsoup.parse(spliced).outerHtml())
          .as(html)
          .isEqualTo(Jsoup.parse(serialised).outerHtml());
    }
  }
}
