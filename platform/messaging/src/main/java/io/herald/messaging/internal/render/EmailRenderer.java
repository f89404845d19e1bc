package io.herald.messaging.internal.render;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Renders emails the way Customer.io assembles them: every field may be Liquid, snippets are
 * rendered first and exposed as {@code {{snippets.NAME}}}, the body goes into the layout's {@code
 * {{content}}}, the preheader becomes a hidden span at the top of the body, and the plain-text part
 * is derived from the HTML when the template has none. Thread-safe.
 */
public final class EmailRenderer {

  private final LiquidRenderer liquid;

  public EmailRenderer(LiquidRenderer liquid) {
    this.liquid = Objects.requireNonNull(liquid, "liquid");
  }

  /**
   * Compiles every part once; the result renders for any number of recipients.
   *
   * @param template the email's fields
   * @param layout HTML with {@code {{content}}} where the body goes, or null for none
   * @param snippets snippet name to Liquid source
   * @throws TemplateException naming the field ({@code subject}, {@code layout}, {@code
   *     snippets.NAME}, ...) of the first part that does not compile
   */
  public CompiledEmail compile(
      EmailTemplate template, String layout, Map<String, String> snippets) {
    Objects.requireNonNull(template, "template");
    Map<String, CompiledTemplate> compiledSnippets = new LinkedHashMap<>();
    snippets.forEach(
        (name, source) -> compiledSnippets.put(name, liquid.compile("snippets." + name, source)));
    return new CompiledEmail(
        liquid.compile("subject", template.subject()),
        liquid.compile("from", template.from()),
        liquid.compile("reply_to", template.replyTo()),
        liquid.compile("preheader", template.preheader()),
        liquid.compile("body", template.html()),
        liquid.compile("body_plain", template.text()),
        layout == null || layout.isBlank() ? null : liquid.compile("layout", layout),
        compiledSnippets);
  }

  /** Compiles and renders in one step, for previews and one-off sends. */
  public RenderedEmail render(
      EmailTemplate template,
      String layout,
      Map<String, String> snippets,
      Map<String, Object> variables) {
    return compile(template, layout, snippets).render(variables);
  }
}
