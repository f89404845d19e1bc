package io.herald.messaging.internal.render;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * An email's HTML parsed once (jsoup) for everything that reads or rewrites it: the plain-text part
 * derived from it and the tracking rewrite. A whole document ({@code <html>…}) stays one; a
 * fragment is parsed as a body fragment and written back without the wrapper jsoup adds.
 */
public final class HtmlPage {

  private final Document document;
  private final boolean whole;

  private HtmlPage(Document document, boolean whole) {
    this.document = document;
    this.whole = whole;
  }

  /** Parses {@code html}, a whole document or a fragment. */
  public static HtmlPage parse(String html) {
    boolean whole = html.toLowerCase(Locale.ROOT).contains("<html");
    Document document = whole ? Jsoup.parse(html) : Jsoup.parseBodyFragment(html);
    document.outputSettings().prettyPrint(false);
    return new HtmlPage(document, whole);
  }

  /** The parsed page; changes to it show in {@link #html()}. */
  public Document document() {
    return document;
  }

  /** The page as HTML again: the whole document, or the fragment's body content. */
  public String html() {
    return whole ? document.outerHtml() : document.body().html();
  }
}
