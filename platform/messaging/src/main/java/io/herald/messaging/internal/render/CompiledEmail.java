package io.herald.messaging.internal.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An email whose parts are compiled; immutable and safe to render from many threads. */
public final class CompiledEmail {

  private static final Pattern BODY_TAG =
      Pattern.compile("<body\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final String PREHEADER_STYLE =
      "display:none;max-height:0;max-width:0;overflow:hidden;mso-hide:all;"
          + "font-size:1px;line-height:1px;opacity:0;color:transparent;";

  private final CompiledTemplate subject;
  private final CompiledTemplate from;
  private final CompiledTemplate replyTo;
  private final CompiledTemplate preheader;
  private final CompiledTemplate html;
  private final CompiledTemplate text;
  private final CompiledTemplate layout;
  private final Map<String, CompiledTemplate> snippets;

  CompiledEmail(
      CompiledTemplate subject,
      CompiledTemplate from,
      CompiledTemplate replyTo,
      CompiledTemplate preheader,
      CompiledTemplate html,
      CompiledTemplate text,
      CompiledTemplate layout,
      Map<String, CompiledTemplate> snippets) {
    this.subject = subject;
    this.from = from;
    this.replyTo = replyTo;
    this.preheader = preheader;
    this.html = html;
    this.text = text;
    this.layout = layout;
    this.snippets = Collections.unmodifiableMap(new LinkedHashMap<>(snippets));
  }

  /**
   * Renders for one recipient.
   *
   * @throws TemplateException naming the first field that fails
   */
  public RenderedEmail render(Map<String, Object> variables) {
    return render(variables, null);
  }

  /**
   * Renders for one recipient, then rewrites the HTML with {@code rewrite} (for tracking). The HTML
   * is parsed at most once: the plain-text part is derived (when the template has none) from the
   * same parse, before the rewrite changes it.
   *
   * @param rewrite changes the parsed page; null leaves the HTML as rendered (and unparsed unless
   *     the text part is derived)
   * @throws TemplateException naming the first field that fails
   */
  public RenderedEmail render(Map<String, Object> variables, Consumer<HtmlPage> rewrite) {
    Map<String, Object> scope = new LinkedHashMap<>(variables);
    Map<String, Object> renderedSnippets = new LinkedHashMap<>();
    snippets.forEach((name, snippet) -> renderedSnippets.put(name, snippet.render(variables)));
    scope.put("snippets", Collections.unmodifiableMap(renderedSnippets));

    String renderedSubject = singleLine(subject.render(scope));
    String renderedFrom = singleLine(from.render(scope));
    String renderedReplyTo = singleLine(replyTo.render(scope));
    String renderedPreheader = preheader.render(scope).strip();
    String body = html.render(scope);
    String plain = text.render(scope);

    String page = body;
    if (layout != null) {
      Map<String, Object> layoutScope = new LinkedHashMap<>(scope);
      layoutScope.put("content", body);
      page = layout.render(layoutScope);
    }
    if (page.isBlank()) {
      return new RenderedEmail(renderedSubject, renderedFrom, renderedReplyTo, page, plain);
    }
    if (!renderedPreheader.isEmpty()) {
      // The derived text leaves the preheader out, so it may go in before the parse.
      page = withPreheader(page, renderedPreheader);
    }
    boolean derive = plain.isBlank();
    if (derive || rewrite != null) {
      HtmlPage parsed = HtmlPage.parse(page);
      if (derive) {
        plain = HtmlText.of(parsed);
      }
      if (rewrite != null) {
        rewrite.accept(parsed);
        page = parsed.html();
      }
    }
    return new RenderedEmail(renderedSubject, renderedFrom, renderedReplyTo, page, plain);
  }

  /** Puts the preheader first inside {@code <body>}, or at the start without a body tag. */
  static String withPreheader(String html, String preheader) {
    String span =
        "<span data-herald-preheader style=\""
            + PREHEADER_STYLE
            + "\">"
            + TextFilters.xmlEscape(preheader)
            + "</span>";
    Matcher body = BODY_TAG.matcher(html);
    if (body.find()) {
      return html.substring(0, body.end()) + span + html.substring(body.end());
    }
    return span + html;
  }

  private static String singleLine(String value) {
    return value.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
