package io.herald.messaging.internal.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

/**
 * An email's HTML parsed once (jsoup) for everything that reads or rewrites it: the plain-text part
 * derived from it and the tracking rewrite. A whole document ({@code <html>…}) stays one; a
 * fragment is parsed as a body fragment and written back without the wrapper jsoup adds.
 *
 * <p>Rewrites go through {@link #setAttribute}, {@link #removeAttribute} and {@link #appendToBody},
 * which change the parsed document and also record where in the source they apply (jsoup tracks
 * source positions). {@link #html()} then splices those edits into the page as written, so the rest
 * of the author's HTML (entities, quoting, Outlook's conditional comments) reaches the recipient
 * byte for byte, and the page is not serialised again: serialising took a fifth of a bulk enqueue's
 * CPU (bench/send, JFR, 2026-12-01). An edit jsoup cannot place (an element the parser made up)
 * falls back to serialising the document.
 */
public final class HtmlPage {

  /** A replacement of {@code source[start, end)} with {@code text}. */
  private record Edit(int start, int end, String text) {}

  private final String source;
  private final Document document;
  private final boolean whole;
  private final List<Edit> edits = new ArrayList<>();
  private boolean serialize;

  private HtmlPage(String source, Document document, boolean whole) {
    this.source = source;
    this.document = document;
    this.whole = whole;
  }

  /** Parses {@code html}, a whole document or a fragment. */
  public static HtmlPage parse(String html) {
    boolean whole = html.toLowerCase(Locale.ROOT).contains("<html");
    Parser parser = Parser.htmlParser().setTrackPosition(true);
    Document document;
    if (whole) {
      document = parser.parseInput(html, "");
    } else {
      // What Jsoup.parseBodyFragment does, with this parser's position tracking.
      document = Document.createShell("");
      Element body = document.body();
      body.appendChildren(parser.parseFragmentInput(html, body, ""));
    }
    document.outputSettings().prettyPrint(false);
    return new HtmlPage(html, document, whole);
  }

  /**
   * The parsed page, to read. Change it only through this class's methods: a change made directly
   * does not show in {@link #html()}.
   */
  public Document document() {
    return document;
  }

  /** Sets attribute {@code name} of {@code element} to {@code value}. */
  public void setAttribute(Element element, String name, String value) {
    int[] span = span(element, name);
    element.attr(name, value);
    if (span == null) {
      serialize = true;
    } else {
      String written = source.substring(span[0], span[0] + name.length());
      edits.add(new Edit(span[0], span[1], written + "=\"" + escapeAttribute(value) + "\""));
    }
  }

  /** Removes attribute {@code name} of {@code element}. */
  public void removeAttribute(Element element, String name) {
    int[] span = span(element, name);
    element.removeAttr(name);
    if (span == null) {
      serialize = true;
    } else {
      edits.add(new Edit(span[0], span[1], ""));
    }
  }

  /**
   * Appends {@code element} (new, with its attributes; its tag and attribute names plain) at the
   * end of the body: before {@code </body>} as written, or at the end of a fragment or of a page
   * without that end tag.
   */
  public void appendToBody(Element element) {
    document.body().appendChild(element);
    int at = source.length();
    Range end = document.body().endSourceRange();
    if (whole && end.isTracked() && !end.isImplicit()) {
      at = end.startPos();
    }
    edits.add(new Edit(at, at, element.outerHtml()));
  }

  /** The length of the page as written (before any edit). */
  int sourceLength() {
    return source.length();
  }

  /** The page as HTML again: the whole document, or the fragment's body content. */
  public String html() {
    if (serialize) {
      return whole ? document.outerHtml() : document.body().html();
    }
    if (edits.isEmpty()) {
      return source;
    }
    List<Edit> ordered = new ArrayList<>(edits);
    // Stable: appends at the same place stay in the order they were made.
    ordered.sort(Comparator.comparingInt(Edit::start));
    // Sized exactly (the edits' texts are tracked links, longer than the URLs they replace): a
    // builder that grew copied the page again for each doubling (bench/send allocation profile).
    int size = source.length();
    int end = 0;
    for (Edit edit : ordered) {
      if (edit.start() >= end) {
        size += edit.text().length() - (edit.end() - edit.start());
        end = edit.end();
      }
    }
    StringBuilder out = new StringBuilder(size);
    int copied = 0;
    for (Edit edit : ordered) {
      if (edit.start() < copied) {
        // The same attribute again: an element the parser cloned (misnested formatting tags)
        // carries its source's positions, and the first edit already rewrote it.
        continue;
      }
      out.append(source, copied, edit.start()).append(edit.text());
      copied = edit.end();
    }
    return out.append(source, copied, source.length()).toString();
  }

  /**
   * Where attribute {@code name} of {@code element} is written in the source, from its name to the
   * end of its value (closing quote included), or null when the parser made the attribute up.
   */
  private int[] span(Element element, String name) {
    Attribute attribute = element.attribute(name);
    if (attribute == null) {
      return null;
    }
    Range.AttributeRange range = attribute.sourceRange();
    if (!range.isTracked()) {
      return null;
    }
    int start = range.nameRange().startPos();
    int end = range.nameRange().endPos();
    if (start < 0
        || end > source.length()
        || !source.regionMatches(true, start, name, 0, name.length())) {
      return null;
    }
    return new int[] {start, valueEnd(end)};
  }

  /**
   * The end of an attribute's value that starts after its name at {@code at}, by the HTML
   * tokenizer's rules: optional spaces, {@code =}, optional spaces, then a quoted value up to its
   * closing quote or an unquoted one up to a space or {@code >}; no {@code =} means no value.
   */
  private int valueEnd(int at) {
    int i = skipSpaces(at);
    if (i >= source.length() || source.charAt(i) != '=') {
      return at;
    }
    i = skipSpaces(i + 1);
    if (i >= source.length()) {
      return i;
    }
    char first = source.charAt(i);
    if (first == '"' || first == '\'') {
      int close = source.indexOf(first, i + 1);
      return close < 0 ? source.length() : close + 1;
    }
    while (i < source.length()
        && source.charAt(i) != '>'
        && !Character.isWhitespace(source.charAt(i))) {
      i++;
    }
    return i;
  }

  private int skipSpaces(int at) {
    int i = at;
    while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String escapeAttribute(String value) {
    return value.replace("&", "&amp;").replace("\"", "&quot;");
  }
}
