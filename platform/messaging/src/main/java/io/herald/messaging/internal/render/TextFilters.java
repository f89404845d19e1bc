package io.herald.messaging.internal.render;

import static io.herald.messaging.internal.render.FunctionFilter.arg;
import static io.herald.messaging.internal.render.Values.list;
import static io.herald.messaging.internal.render.Values.number;
import static io.herald.messaging.internal.render.Values.text;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import liqp.filters.Filter;

/** Customer.io's string filters that standard Liquid lacks. */
final class TextFilters {

  private static final String URI_KEEP =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";

  private TextFilters() {}

  static List<Filter> all() {
    return List.of(
        new FunctionFilter("titlecase", 0, 0, (v, p) -> titlecase(text(v))),
        new FunctionFilter("pluralize", 2, 2, TextFilters::pluralize),
        new FunctionFilter(
            "array_to_sentence_string", 0, 1, (v, p) -> sentence(list(v), text(arg(p, 0, "and")))),
        new FunctionFilter(
            "replace_last", 2, 2, (v, p) -> replaceLast(text(v), text(p[0]), text(p[1]))),
        new FunctionFilter("remove_last", 1, 1, (v, p) -> replaceLast(text(v), text(p[0]), "")),
        new FunctionFilter(
            "cgi_escape", 0, 0, (v, p) -> URLEncoder.encode(text(v), StandardCharsets.UTF_8)),
        new FunctionFilter("uri_escape", 0, 0, (v, p) -> uriEscape(text(v))),
        new FunctionFilter("xml_escape", 0, 0, (v, p) -> xmlEscape(text(v))),
        new FunctionFilter("number_of_words", 0, 0, (v, p) -> wordCount(text(v))),
        new FunctionFilter("slugify", 0, 0, (v, p) -> slugify(text(v))));
  }

  static String titlecase(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean startOfWord = true;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      out.appendCodePoint(startOfWord ? Character.toTitleCase(cp) : cp);
      startOfWord = Character.isWhitespace(cp);
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static Object pluralize(Object value, Object[] params) {
    BigDecimal count = number("pluralize", value);
    String word = count.compareTo(BigDecimal.ONE) == 0 ? text(params[0]) : text(params[1]);
    return count.stripTrailingZeros().toPlainString() + " " + word;
  }

  static String sentence(List<Object> items, String connector) {
    return switch (items.size()) {
      case 0 -> "";
      case 1 -> text(items.get(0));
      case 2 -> text(items.get(0)) + " " + connector + " " + text(items.get(1));
      default -> {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < items.size() - 1; i++) {
          out.append(text(items.get(i))).append(", ");
        }
        yield out.append(connector)
            .append(' ')
            .append(text(items.get(items.size() - 1)))
            .toString();
      }
    };
  }

  static String replaceLast(String text, String search, String replacement) {
    int at = search.isEmpty() ? -1 : text.lastIndexOf(search);
    return at < 0
        ? text
        : text.substring(0, at) + replacement + text.substring(at + search.length());
  }

  static String uriEscape(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (b >= 0 && URI_KEEP.indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  static String xmlEscape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  private static Object wordCount(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() ? 0L : (long) trimmed.split("\\s+").length;
  }

  static String slugify(String text) {
    String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
    return slug.replaceAll("^-+|-+$", "");
  }
}
