package io.herald.messaging.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.herald.messaging.api.EmailPreview;
import io.herald.messaging.api.EmailSend;
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

  private final EmailRenderer renderer = new EmailRenderer(new LiquidRenderer(Clock.systemUTC()));

  /**
   * Compiled templates by their sources: a message sent many times is parsed once. Keyed by the
   * sources themselves, so an edited template is a new entry and the old one ages out.
   */
  private final LoadingCache<EmailParts, CompiledEmail> compiled =
      Caffeine.newBuilder().maximumSize(1_000).build(this::compile);

  @Inject TrackingLinks links;

  /**
   * Renders the email of delivery {@code deliveryId}: tracked links and pixel when the send asks
   * for tracking, and RFC 8058 one-click unsubscribe headers unless the send sets its own.
   */
  Composed compose(
      EmailParts parts, Map<String, Object> variables, EmailSend send, String deliveryId) {
    RenderedEmail email;
    Map<String, Object> scope = new LinkedHashMap<>(variables);
    scope.put(
        LinkTags.VARIABLE,
        Map.of(
            LinkTags.UNSUBSCRIBE, links.unsubscribe(deliveryId),
            LinkTags.PREFERENCES, links.preferences(deliveryId),
            LinkTags.VIEW_IN_BROWSER, links.view(deliveryId)));
    try {
      email = render(parts, scope);
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
    String html =
        send.tracked() ? LinkTracker.track(email.html(), deliveryId, links) : email.html();
    return new Composed(
        email.from(),
        email.replyTo(),
        email.subject(),
        html,
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
  EmailPreview preview(EmailParts parts, Map<String, Object> variables) {
    try {
      RenderedEmail email = render(parts, variables);
      return new EmailPreview(
          email.subject(), email.from(), email.replyTo(), email.html(), email.text(), null);
    } catch (TemplateException e) {
      return new EmailPreview("", "", "", "", "", e.error());
    }
  }

  private RenderedEmail render(EmailParts parts, Map<String, Object> variables) {
    return compiled.get(parts).render(variables);
  }

  private CompiledEmail compile(EmailParts parts) {
    return renderer.compile(
        new EmailTemplate(
            parts.subject(),
            parts.from(),
            parts.replyTo(),
            parts.preheader(),
            parts.body(),
            parts.bodyPlain()),
        null,
        Map.of());
  }

  private static String contentType(String filename) {
    String guessed = URLConnection.guessContentTypeFromName(filename);
    return guessed == null ? "application/octet-stream" : guessed;
  }
}
