package io.herald.messaging.internal.render;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Derives the plain-text part of an email from its HTML: text without tags, links as {@code text
 * (url)}, one line per block element, whitespace collapsed, at most one blank line in a row. Head,
 * style and script content and hidden preheader spans are left out. Reads a parsed page without
 * changing it, so the same parse can then be rewritten for tracking ({@link CompiledEmail}).
 */
final class HtmlText {

  private static final Set<String> BLOCKS =
      Set.of(
          "address",
          "article",
          "aside",
          "blockquote",
          "div",
          "dl",
          "dt",
          "dd",
          "fieldset",
          "figcaption",
          "figure",
          "footer",
          "form",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hr",
          "li",
          "main",
          "nav",
          "ol",
          "p",
          "pre",
          "section",
          "table",
          "tr",
          "ul");
  private static final Set<String> SKIPPED = Set.of("head", "style", "script", "title", "template");

  private static final String PREHEADER = "data-herald-preheader";

  private HtmlText() {}

  static String of(String html) {
    return of(HtmlPage.parse(html));
  }

  /** The text of a parsed page (the page is only read). */
  static String of(HtmlPage page) {
    // Room for as many characters as the page has: its text is rarely longer, and growing from a
    // small buffer copied a 10 KB email's text four times (bench/send allocation profile).
    Lines lines = new Lines(page.sourceLength());
    NodeTraversor.filter(new Writer(lines), page.document().body());
    return lines.toString();
  }

  /** Writes the text of the nodes it visits, skipping hidden and non-content elements entirely. */
  private static final class Writer implements NodeFilter {

    private final Lines out;

    Writer(Lines out) {
      this.out = out;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof Element element && skipped(element)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      if (node instanceof TextNode text) {
        out.text(text.getWholeText());
      } else if (node instanceof Element element) {
        String tag = element.normalName();
        if (tag.equals("br")) {
          out.raw("\n");
        } else if (BLOCKS.contains(tag)) {
          out.newline();
        } else if (tag.equals("td") || tag.equals("th")) {
          out.raw(" ");
        } else if (tag.equals("img") && !element.attr("alt").isBlank()) {
          out.raw(element.attr("alt"));
        }
      }
      return FilterResult.CONTINUE;
    }

    private static boolean skipped(Element element) {
      return SKIPPED.contains(element.normalName()) || element.hasAttr(PREHEADER);
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node instanceof Element element) {
        String tag = element.normalName();
        if (tag.equals("a")) {
          String href = element.attr("href").strip();
          String label = element.text().strip();
          if (!href.isEmpty() && !href.startsWith("#") && !href.equals(label)) {
            out.raw(label.isEmpty() ? href : " (" + href + ")");
          }
        } else if (BLOCKS.contains(tag)) {
          out.newline();
          if (tag.startsWith("h") || tag.equals("p")) {
            out.raw("\n");
          }
        }
      }
      return FilterResult.CONTINUE;
    }
  }

  /**
   * The text as it is written, tidied in the same pass: written text is a stream of lines; each
   * line has no-break spaces as spaces, runs of spaces as one and no whitespace at either end;
   * blank lines go, except that one blank line stays where any stood between two lines of text.
   * Text nodes' whitespace ({@code \s}: space, tab, line breaks, form feed, vertical tab) counts as
   * spaces, so only {@link #raw} and {@link #newline} break lines. One pass, appending once per
   * character: this ran over every email's text twice, and a fifth of a bulk enqueue's CPU was in
   * those passes (bench/send, JFR, 2026-12-01).
   */
  static final class Lines {

    /**
     * What is written so far; beyond {@link #textEnd}, the whitespace after the line's last text,
     * kept only if more text follows on the line.
     */
    private char[] out;

    private int length;
    private int textEnd;
    private boolean written;
    private boolean endsWithNewline;
    private boolean lineHasText;

    /** Before the next text: 0 nothing, 1 a line break, 2 a blank line. */
    private int pendingBreak;

    Lines() {
      this(1024);
    }

    /** With room for {@code capacity} characters before it grows. */
    Lines(int capacity) {
      out = new char[Math.max(16, capacity + 2)];
    }

    /** A text node's content. */
    void text(String text) {
      int n = text.length();
      if (n == 0) {
        return;
      }
      written = true;
      endsWithNewline = false;
      ensure(n);
      int i = 0;
      while (i < n) {
        char ch = text.charAt(i);
        if (ch > ' ' && ch < 0x80) {
          // A run of visible ASCII goes in at once.
          int from = i;
          do {
            i++;
          } while (i < n && (ch = text.charAt(i)) > ' ' && ch < 0x80);
          startText();
          text.getChars(from, i, out, length);
          length += i - from;
          textEnd = length;
          continue;
        }
        if (ch == ' '
            || ch == '\t'
            || ch == '\n'
            || ch == '\r'
            || ch == '\f'
            || ch == '\u000b'
            || ch == '\u00a0') {
          space();
        } else {
          put(ch);
        }
        i++;
      }
    }

    /** Text written as it is: {@code \n} breaks the line. */
    void raw(String text) {
      ensure(text.length());
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        written = true;
        endsWithNewline = ch == '\n';
        if (ch == '\n') {
          lineBreak();
        } else if (ch == ' ' || ch == '\u00a0') {
          space();
        } else {
          put(ch);
        }
      }
    }

    /** Ends the line unless nothing was written yet or the last thing written was a line break. */
    void newline() {
      if (written && !endsWithNewline) {
        raw("\n");
      }
    }

    /** Room for {@code n} more characters and a blank line before them. */
    private void ensure(int n) {
      if (length + n + 2 > out.length) {
        out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, length + n + 2));
      }
    }

    private void space() {
      if (lineHasText && out[length - 1] != ' ') {
        out[length++] = ' ';
      }
    }

    private void put(char ch) {
      if (Character.isWhitespace(ch)) {
        // Kept between words (as a space run is), dropped at either end of a line (strip).
        if (lineHasText) {
          out[length++] = ch;
        }
        return;
      }
      startText();
      out[length++] = ch;
      textEnd = length;
    }

    /** Before text: the line break or blank line a new line of text needs after earlier ones. */
    private void startText() {
      if (!lineHasText) {
        if (length > 0) {
          out[length++] = '\n';
          if (pendingBreak == 2) {
            out[length++] = '\n';
          }
        }
        pendingBreak = 0;
        lineHasText = true;
      }
    }

    private void lineBreak() {
      if (lineHasText) {
        pendingBreak = 1;
      } else if (pendingBreak > 0) {
        pendingBreak = 2;
      }
      lineHasText = false;
      length = textEnd;
    }

    @Override
    public String toString() {
      return new String(out, 0, textEnd);
    }
  }
}
