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
    StringBuilder out = new StringBuilder();
    NodeTraversor.filter(new Writer(out), page.document().body());
    return tidy(out.toString());
  }

  /** Writes the text of the nodes it visits, skipping hidden and non-content elements entirely. */
  private static final class Writer implements NodeFilter {

    private final StringBuilder out;

    Writer(StringBuilder out) {
      this.out = out;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof Element element && skipped(element)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      if (node instanceof TextNode text) {
        collapse(text.getWholeText(), out);
      } else if (node instanceof Element element) {
        String tag = element.normalName();
        if (tag.equals("br")) {
          out.append('\n');
        } else if (BLOCKS.contains(tag)) {
          newline();
        } else if (tag.equals("td") || tag.equals("th")) {
          out.append(' ');
        } else if (tag.equals("img") && !element.attr("alt").isBlank()) {
          out.append(element.attr("alt"));
        }
      }
      return FilterResult.CONTINUE;
    }

    private static boolean skipped(Element element) {
      return SKIPPED.contains(element.normalName()) || element.hasAttr(PREHEADER);
    }

    private void newline() {
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node instanceof Element element) {
        String tag = element.normalName();
        if (tag.equals("a")) {
          String href = element.attr("href").strip();
          String label = element.text().strip();
          if (!href.isEmpty() && !href.startsWith("#") && !href.equals(label)) {
            out.append(label.isEmpty() ? href : " (" + href + ")");
          }
        } else if (BLOCKS.contains(tag)) {
          newline();
          if (tag.startsWith("h") || tag.equals("p")) {
            out.append('\n');
          }
        }
      }
      return FilterResult.CONTINUE;
    }
  }

  /**
   * Appends {@code text} with each run of whitespace ({@code \s}: space, tab, line breaks, form
   * feed, vertical tab) as one space. A loop, not a regular expression: this ran for every text
   * node of every email, a third of a transactional send's CPU in a profile. The characters between
   * spaces are appended a run at a time, not one by one (bulk enqueues, bench/send 2026-12-01).
   */
  static void collapse(String text, StringBuilder out) {
    appendCollapsed(text, out, false);
  }

  /** {@code line} with no-break spaces as spaces, runs of spaces as one, stripped. */
  static String clean(String line) {
    StringBuilder out = new StringBuilder(line.length());
    appendCollapsed(line, out, true);
    return out.toString().strip();
  }

  /**
   * Appends {@code text} with each run of spaces as one space: whitespace ({@code \s}) when {@code
   * lineOnly} is false; the space and the no-break space when it is true.
   */
  private static void appendCollapsed(String text, StringBuilder out, boolean lineOnly) {
    boolean inSpace = false;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      boolean space =
          lineOnly
              ? ch == ' ' || ch == '\u00a0'
              : ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\u000b';
      if (space) {
        out.append(text, run, i);
        if (!inSpace) {
          out.append(' ');
        }
        run = i + 1;
      }
      inSpace = space;
    }
    out.append(text, run, text.length());
  }

  private static String tidy(String raw) {
    StringBuilder out = new StringBuilder();
    int blankRun = 0;
    for (String line : raw.split("\n", -1)) {
      String clean = clean(line);
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
}
