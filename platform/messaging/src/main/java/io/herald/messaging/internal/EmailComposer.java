package io.herald.messaging.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.herald.messaging.api.EmailPreview;
import io.herald.messaging.api.EmailSend;
import io.herald.messaging.api.TemplateError;
import io.herald.messaging.internal.render.CompiledEmail;
import io.herald.messaging.internal.render.EmailRenderer;
import io.herald.messaging.internal.render.EmailTemplate;
import io.herald.messaging.internal.render.LinkTags;
import io.herald.messaging.internal.render.LiquidRenderer;
import io.herald.messaging.internal.render.RenderedEmail;
import io.herald.messaging.internal.render.TemplateException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLConnection;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an email's Liquid sources and a person's variables into the message the plugin sends:
 * rendered parts, the send's headers, and its attachments with their MIME types.
 */
@ApplicationScoped
public class EmailComposer {

  /** The template could not be rendered; the message names the field, line and variable. */
  static final class RenderFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RenderFailure(String message) {
      super(message);
    }
  }

  /**
   * An email's sources with the stored content it uses.
   *
   * @param parts the message's fields
   * @param layout the layout's HTML, or null for none
   * @param snippets the values of the snippets the sources name (absent ones stay undefined, so
   *     strict mode reports them)
   */
  record Template(EmailParts parts, String layout, Map<String, String> snippets) {
    Template {
      snippets = snippets == null ? Map.of() : Map.copyOf(snippets);
    }
  }

  /** The body a layout preview wraps. */
  static final String SAMPLE_BODY =
      "<p data-herald-sample>This is where a message's body goes.</p>";

  private final LiquidRenderer liquid = new LiquidRenderer(Clock.systemUTC());

  private final EmailRenderer renderer = new EmailRenderer(liquid);

  /**
   * Compiled templates by their sources, layout and snippet values: a message sent many times is
   * parsed once. Keyed by the sources themselves, so an edited template, layout or snippet is a new
   * entry (the next send uses it) and the old one ages out.
   */
  private final LoadingCache<Template, CompiledEmail> compiled =
      Caffeine.newBuilder().maximumSize(1_000).build(this::compile);

  @Inject TrackingLinks links;

  /**
   * Renders the email of delivery {@code deliveryId}: tracked links and pixel when the send asks
   * for tracking, and RFC 8058 one-click unsubscribe headers unless the send sets its own.
   */
  Composed compose(
      Template template, Map<String, Object> variables, EmailSend send, String deliveryId) {
    RenderedEmail email;
    Map<String, Object> scope = new LinkedHashMap<>(variables);
    scope.put(
        LinkTags.VARIABLE,
        Map.of(
            LinkTags.UNSUBSCRIBE, links.unsubscribe(deliveryId),
            LinkTags.PREFERENCES, links.preferences(deliveryId),
            LinkTags.VIEW_IN_BROWSER, links.view(deliveryId)));
    try {
      // One parse of the HTML for the derived text part and the tracking rewrite.
      email =
          compiled
              .get(template)
              .render(
                  scope,
                  send.tracked() ? page -> LinkTracker.track(page, deliveryId, links) : null);
    } catch (TemplateException e) {
      throw new RenderFailure(e.error().describe());
    }
    List<Composed.File> files =
        send.attachments().stream()
            .map(a -> new Composed.File(a.filename(), contentType(a.filename()), a.content()))
            .toList();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("List-Unsubscribe", "<" + links.unsubscribe(deliveryId) + ">");
    headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    send.headers()
        .forEach(
            (name, value) -> {
              headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
              headers.put(name, value);
            });
    return new Composed(
        email.from(),
        email.replyTo(),
        email.subject(),
        email.html(),
        email.text(),
        headers,
        files,
        send.cc(),
        send.fakeBcc() ? List.of() : send.bcc());
  }

  /**
   * The email as it would go out, or the error that stops it. There is no delivery yet, so the link
   * tags print {@code #}.
   */
  EmailPreview preview(Template template, Map<String, Object> variables) {
    try {
      return preview(render(template, variables));
    } catch (TemplateException e) {
      return new EmailPreview("", "", "", "", "", e.error());
    }
  }

  /** A layout around {@link #SAMPLE_BODY}, not cached (it is being edited). */
  EmailPreview previewLayout(
      String layout, Map<String, String> snippets, Map<String, Object> variables) {
    try {
      return preview(
          renderer.render(
              new EmailTemplate("", "", "", "", SAMPLE_BODY, ""), layout, snippets, variables));
    } catch (TemplateException e) {
      return new EmailPreview("", "", "", "", "", e.error());
    }
  }

  /**
   * Why {@code source} does not compile as Liquid, reported as {@code field}; empty when it does.
   */
  Optional<TemplateError> compileError(String field, String source) {
    try {
      liquid.compile(field, source);
      return Optional.empty();
    } catch (TemplateException e) {
      return Optional.of(e.error());
    }
  }

  private static EmailPreview preview(RenderedEmail email) {
    return new EmailPreview(
        email.subject(), email.from(), email.replyTo(), email.html(), email.text(), null);
  }

  private RenderedEmail render(Template template, Map<String, Object> variables) {
    return compiled.get(template).render(variables);
  }

  private CompiledEmail compile(Template template) {
    EmailParts parts = template.parts();
    return renderer.compile(
        new EmailTemplate(
            parts.subject(),
            parts.from(),
            parts.replyTo(),
            parts.preheader(),
            parts.body(),
            parts.bodyPlain()),
        template.layout(),
        template.snippets());
  }

  private static String contentType(String filename) {
    String guessed = URLConnection.guessContentTypeFromName(filename);
    return guessed == null ? "application/octet-stream" : guessed;
  }
}
