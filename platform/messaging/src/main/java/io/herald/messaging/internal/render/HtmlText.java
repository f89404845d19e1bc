package io.herald.messaging.internal.render;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Derives the plain-text part of an email from its HTML: text without tags, links as {@code text
 * (url)}, one line per block element, whitespace collapsed, at most one blank line in a row. Head,
 * style and script content and hidden preheader spans are left out.
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

  private static final String SKIPPED_SELECTOR = String.join(",", SKIPPED);
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern SPACES = Pattern.compile(" {2,}");

  private HtmlText() {}

  static String of(String html) {
    Document document = Jsoup.parse(html);
    document.select(SKIPPED_SELECTOR).remove();
    document.select("[data-herald-preheader]").remove();
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(new Writer(out), document.body());
    return tidy(out.toString());
  }

  private static final class Writer implements NodeVisitor {

    private final StringBuilder out;

    Writer(StringBuilder out) {
      this.out = out;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode text) {
        out.append(WHITESPACE.matcher(text.getWholeText()).replaceAll(" "));
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
    }

    private void newline() {
      if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
    }

    @Override
    public void tail(Node node, int depth) {
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
    }
  }

  private static String tidy(String raw) {
    StringBuilder out = new StringBuilder();
    int blankRun = 0;
    for (String line : raw.split("\n", -1)) {
      String clean = SPACES.matcher(line.replace('\u00a0', ' ')).replaceAll(" ").strip();
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
