package io.herald.messaging.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.herald.messaging.internal.render.CompiledTemplate;
import io.herald.messaging.internal.render.LiquidRenderer;
import io.herald.messaging.internal.render.TemplateException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a message of a channel other than email (its {@link io.herald.messaging.api.ChannelFields
 * fields}) with a person's variables into the {@link ChannelComposed} the plugin gets. Every string
 * in the fields is Liquid, nested ones included (push {@code custom_data} values, in-app button
 * labels and URLs, WhatsApp template parameters), rendered strictly as email is: an undefined
 * variable fails the message with the field (its path, such as {@code buttons[0].label}), line and
 * variable. Snippets the fields name ({@code {{snippets.NAME}}}) are rendered first, as in email.
 */
@ApplicationScoped
public class ChannelComposer {

  /** The message could not be rendered; the message names the field, line and variable. */
  static final class RenderFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient io.herald.messaging.api.TemplateError error;

    RenderFailure(io.herald.messaging.api.TemplateError error) {
      super(error.describe());
      this.error = error;
    }

    /** The field, line and variable. */
    io.herald.messaging.api.TemplateError error() {
      return error;
    }
  }

  private record Source(String field, String text) {}

  private final LiquidRenderer liquid;

  /** Compiled fields by field name and source: a message sent many times is parsed once. */
  private final LoadingCache<Source, CompiledTemplate> compiled;

  /** With its own renderer on the system clock. */
  public ChannelComposer() {
    this(new LiquidRenderer(Clock.systemUTC()));
  }

  ChannelComposer(LiquidRenderer liquid) {
    this.liquid = liquid;
    this.compiled =
        Caffeine.newBuilder()
            .maximumSize(2_000)
            .build(source -> this.liquid.compile(source.field(), source.text()));
  }

  /**
   * Renders the message with the workspace's snippets it names: each is rendered with the person's
   * variables first and exposed as {@code {{snippets.NAME}}}, as email does.
   *
   * @param snippets the values of the snippets the content names ({@link #snippetNames}); absent
   *     ones stay undefined, so strict mode names them
   * @throws RenderFailure when a snippet ({@code snippets.NAME}) or a field does not render
   */
  ChannelComposed compose(
      String channel,
      Map<String, Object> content,
      String from,
      Map<String, Object> variables,
      Map<String, String> snippets) {
    if (snippets.isEmpty()) {
      return compose(channel, content, from, variables);
    }
    Map<String, Object> rendered = new LinkedHashMap<>();
    snippets.forEach(
        (name, source) -> rendered.put(name, render("snippets." + name, source, variables)));
    Map<String, Object> scope = new LinkedHashMap<>(variables);
    scope.put("snippets", Collections.unmodifiableMap(rendered));
    return compose(channel, content, from, scope);
  }

  /**
   * The snippets the content's strings (nested ones included) and the sender override name.
   *
   * @param from the sender override, null for none
   */
  static Set<String> snippetNames(Map<String, Object> content, String from) {
    List<String> sources = new ArrayList<>();
    strings(content, sources);
    if (from != null) {
      sources.add(from);
    }
    return ContentSources.snippetNames(sources.toArray(String[]::new));
  }

  private static void strings(Object value, List<String> into) {
    if (value instanceof String s) {
      into.add(s);
    } else if (value instanceof Map<?, ?> m) {
      m.values().forEach(v -> strings(v, into));
    } else if (value instanceof List<?> list) {
      list.forEach(v -> strings(v, into));
    }
  }

  /**
   * Renders the message.
   *
   * @param channel {@code sms}, {@code push}, {@code whatsapp} or {@code in_app}
   * @param content the channel's fields (a saved message's with the send's laid over them)
   * @param from the sender override (SMS, WhatsApp), null for none
   * @param variables Liquid's variables
   * @throws RenderFailure when a field does not render
   */
  ChannelComposed compose(
      String channel, Map<String, Object> content, String from, Map<String, Object> variables) {
    Map<String, Object> r = renderObject("", content, variables);
    String sender = from == null || from.isEmpty() ? "" : render("from", from, variables);
    Map<String, Object> payload = new LinkedHashMap<>();
    switch (channel) {
      case "sms" -> {
        return new ChannelComposed(channel, "", text(r, "body"), sender.trim(), payload);
      }
      case "push" -> {
        putText(payload, "image_url", r);
        putText(payload, "link", r);
        putText(payload, "sound", r);
        if (r.get("custom_data") instanceof Map<?, ?> data && !data.isEmpty()) {
          payload.put("data", data);
        }
        if (r.get("custom_payload") instanceof Map<?, ?> custom && !custom.isEmpty()) {
          payload.put("custom_payload", custom);
        }
        return new ChannelComposed(channel, text(r, "title"), text(r, "message"), "", payload);
      }
      case "whatsapp" -> {
        if (r.get("template") instanceof Map<?, ?> template) {
          payload.put("type", "template");
          Map<String, Object> t = new LinkedHashMap<>();
          t.put("name", template.get("name"));
          String language = text(r, "language").trim();
          t.put("language", language.isEmpty() ? template.get("language") : language);
          Object components = template.get("components");
          t.put("components", components == null ? List.of() : components);
          payload.put("template", t);
          return new ChannelComposed(channel, "", "", sender.trim(), payload);
        }
        if (r.get("media") instanceof Map<?, ?> media) {
          // Plugin API "Channel payloads": the type names the media, the body is its caption.
          Map<String, Object> m = new LinkedHashMap<>();
          media.forEach((k, v) -> m.put(String.valueOf(k), v));
          payload.put("type", m.remove("type"));
          payload.put("media", m);
          return new ChannelComposed(channel, "", text(r, "body"), sender.trim(), payload);
        }
        payload.put("type", "text");
        return new ChannelComposed(channel, "", text(r, "body"), sender.trim(), payload);
      }
      case "in_app" -> {
        Object type = r.get("type");
        payload.put("type", type == null || type.toString().isBlank() ? "modal" : type);
        putText(payload, "image_url", r);
        if (r.get("buttons") instanceof List<?> buttons && !buttons.isEmpty()) {
          payload.put("buttons", buttons);
        }
        return new ChannelComposed(channel, text(r, "title"), text(r, "message"), "", payload);
      }
      case "webhook" -> {
        Object method = r.get("method");
        payload.put(
            "method",
            method == null || method.toString().isBlank()
                ? "POST"
                : method.toString().trim().toUpperCase(Locale.ROOT));
        if (r.get("timeout_seconds") instanceof Number n) {
          payload.put("timeout_seconds", n.intValue());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (r.get("headers") instanceof Map<?, ?> h) {
          h.forEach((k, v) -> headers.put(String.valueOf(k), v == null ? "" : v.toString()));
        }
        Integer attempts = r.get("retries") instanceof Number n ? n.intValue() + 1 : null;
        return new ChannelComposed(channel, "", text(r, "body"), "", payload, headers, attempts);
      }
      case "slack" -> {
        if (r.get("blocks") instanceof List<?> blocks && !blocks.isEmpty()) {
          payload.put("blocks", blocks);
        }
        return new ChannelComposed(channel, "", text(r, "text"), "", payload);
      }
      default -> throw new IllegalArgumentException("no such channel: " + channel);
    }
  }

  /**
   * The rendered recipient of a message addressed by its content ({@link
   * io.herald.messaging.api.ChannelFields#ADDRESSED}): a webhook's {@code url}, a Slack message's
   * {@code slack_channel} (empty for the channel setting's default).
   *
   * @throws RenderFailure when it does not render
   */
  String address(String channel, Map<String, Object> content, Map<String, Object> variables) {
    String field = "webhook".equals(channel) ? "url" : "slack_channel";
    Object source = content.get(field);
    return source == null ? "" : render(field, source.toString(), variables).trim();
  }

  /** Why {@code source} does not compile as Liquid, as {@code field}; null when it does. */
  String compileError(String field, String source) {
    try {
      liquid.compile(field, source);
      return null;
    } catch (TemplateException e) {
      return e.error().describe();
    }
  }

  private Map<String, Object> renderObject(
      String path, Map<?, ?> object, Map<String, Object> variables) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : object.entrySet()) {
      String key = String.valueOf(e.getKey());
      out.put(key, renderValue(path.isEmpty() ? key : path + "." + key, e.getValue(), variables));
    }
    return out;
  }

  private Object renderValue(String path, Object value, Map<String, Object> variables) {
    if (value instanceof String s) {
      return render(path, s, variables);
    }
    if (value instanceof Map<?, ?> m) {
      return renderObject(path, m, variables);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(renderValue(path + "[" + i + "]", list.get(i), variables));
      }
      return out;
    }
    return value;
  }

  private String render(String field, String source, Map<String, Object> variables) {
    if (source.indexOf('{') < 0) {
      return source;
    }
    try {
      return compiled.get(new Source(field, source)).render(variables);
    } catch (TemplateException e) {
      throw new RenderFailure(e.error());
    }
  }

  private static String text(Map<String, Object> rendered, String name) {
    Object v = rendered.get(name);
    return v == null ? "" : v.toString();
  }

  private static void putText(
      Map<String, Object> payload, String name, Map<String, Object> rendered) {
    String v = text(rendered, name);
    if (!v.isBlank()) {
      payload.put(name, v.trim());
    }
  }
}
