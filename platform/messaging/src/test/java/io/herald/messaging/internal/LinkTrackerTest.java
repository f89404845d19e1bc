package io.herald.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LinkTrackerTest {

  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private final TrackingLinks links = TrackingLinks.of(KEY, "https://h.test");

  private static List<String> hrefs(String html) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
    while (m.find()) {
      found.add(m.group(1).replace("&amp;", "&"));
    }
    return found;
  }

  @Test
  void webLinksGoThroughSignedRedirectsAndOthersStay() {
    String html =
        "<p><a href=\"https://shop.test/a?x=1&amp;y=2\">A</a> <a href=\"mailto:x@y.z\">M</a>"
            + " <a href=\"#top\">T</a> <a href=\"http://shop.test/b\" data-herald-untracked>B</a></p>";

    String tracked = LinkTracker.track(html, "d1", links);

    List<String> hrefs = hrefs(tracked);
    assertThat(hrefs.get(0)).startsWith("https://h.test/t/c/d1/");
    assertThat(hrefs.subList(1, 4)).containsExactly("mailto:x@y.z", "#top", "http://shop.test/b");
    assertThat(tracked).doesNotContain("data-herald-untracked");
    URI redirect = URI.create(hrefs.get(0));
    String url =
        URLDecoder.decode(redirect.getRawQuery().substring("u=".length()), StandardCharsets.UTF_8);
    String signature = redirect.getPath().substring("/t/c/d1/".length());
    assertThat(url).isEqualTo("https://shop.test/a?x=1&y=2");
    assertThat(links.validClick("d1", url, signature)).isTrue();
  }

  @Test
  void aSignatureOpensOnlyItsOwnUrlAndDelivery() {
    String link = links.click("d1", "https://shop.test/a");
    String signature = URI.create(link).getPath().substring("/t/c/d1/".length());

    assertThat(links.validClick("d1", "https://evil.test/", signature)).isFalse();
    assertThat(links.validClick("d2", "https://shop.test/a", signature)).isFalse();
    assertThat(links.validClick("d1", null, signature)).isFalse();
    assertThat(
            TrackingLinks.of(
                    "another-key-another-key-another!".getBytes(StandardCharsets.UTF_8),
                    "https://h.test")
                .validClick("d1", "https://shop.test/a", signature))
        .isFalse();
  }

  @Test
  void thePixelGoesAtTheEndOfTheBodyOfAWholeDocument() {
    String tracked =
        LinkTracker.track("<html><head></head><body><p>Hi</p></body></html>", "d1", links);

    assertThat(tracked).startsWith("<html>").endsWith("</body></html>");
    assertThat(tracked).contains("<p>Hi</p><img src=\"" + links.open("d1") + "\"");
    String signature = links.open("d1").replace("https://h.test/t/o/d1/", "").replace(".gif", "");
    assertThat(links.validOpen("d1", signature)).isTrue();
    assertThat(links.validOpen("d2", signature)).isFalse();
  }

  @Test
  void aFragmentStaysAFragment() {
    String tracked = LinkTracker.track("<p>Hi</p>", "d1", links);

    assertThat(tracked).startsWith("<p>Hi</p><img").doesNotContain("<html").doesNotContain("<body");
  }

  @Test
  void heraldsOwnPagesAreNotTracked() {
    String html =
        "<a href=\""
            + links.unsubscribe("d1")
            + "\">U</a><a href=\""
            + links.preferences("d1")
            + "\">P</a><a href=\""
            + links.view("d1")
            + "\">V</a><a href=\"https://h.test/elsewhere\">E</a>";

    List<String> hrefs = hrefs(LinkTracker.track(html, "d1", links));

    assertThat(hrefs.subList(0, 3))
        .containsExactly(links.unsubscribe("d1"), links.preferences("d1"), links.view("d1"));
    assertThat(hrefs.get(3)).startsWith("https://h.test/t/c/d1/");
    assertThat(
            links.validView(
                "d1", links.view("d1").substring(links.view("d1").lastIndexOf('/') + 1)))
        .isTrue();
    assertThat(
            links.validView(
                "d2", links.view("d1").substring(links.view("d1").lastIndexOf('/') + 1)))
        .isFalse();
    assertThat(links.validPreferencesToken("d1", links.preferencesToken("d1"))).isTrue();
    assertThat(links.validPreferencesToken("d2", links.preferencesToken("d1"))).isFalse();
    assertThat(links.validPreferencesToken("d1", null)).isFalse();
  }
}
