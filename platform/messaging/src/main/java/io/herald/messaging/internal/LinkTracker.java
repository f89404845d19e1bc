package io.herald.messaging.internal;

import io.herald.messaging.internal.render.HtmlPage;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Rewrites an HTML body for tracking: every http(s) link goes through a click redirect, and an open
 * pixel goes at the end of the body. Links marked {@code data-herald-untracked}, non-web links
 * (mailto:, tel:, anchors) and Herald's own pages (unsubscribe, preferences, view in browser) stay
 * as they are.
 */
final class LinkTracker {

  /**
   * The links' selector, parsed once (jsoup evaluators are stateless and safe to share): parsing it
   * again per message was a tenth of the tracking's time in a transactional send.
   */
  private static final Evaluator LINKS = QueryParser.parse("a[href]");

  private LinkTracker() {}

  static String track(String html, String deliveryId, TrackingLinks links) {
    if (html == null || html.isBlank()) {
      return html;
    }
    HtmlPage page = HtmlPage.parse(html);
    track(page, deliveryId, links);
    return page.html();
  }

  /** Rewrites a parsed page in place (the page an email's rendering already parsed). */
  static void track(HtmlPage page, String deliveryId, TrackingLinks links) {
    Document doc = page.document();
    for (Element a : doc.select(LINKS)) {
      String href = a.attr("href").trim();
      String lower = href.toLowerCase(Locale.ROOT);
      if (a.hasAttr("data-herald-untracked")) {
        page.removeAttribute(a, "data-herald-untracked");
        continue;
      }
      if ((lower.startsWith("http://") || lower.startsWith("https://")) && !links.isOwnPage(href)) {
        page.setAttribute(a, "href", links.click(deliveryId, href));
      }
    }
    page.appendToBody(
        new Element("img")
            .attr("src", links.open(deliveryId))
            .attr("width", "1")
            .attr("height", "1")
            .attr("alt", "")
            .attr("style", "display:block;border:0;width:1px;height:1px"));
  }
}
