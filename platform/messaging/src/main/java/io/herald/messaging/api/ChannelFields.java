package io.herald.messaging.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields of a message on each channel other than email: what a transactional message of the
 * channel stores ({@link TransactionalInput#channelContent()}) and what a send may give inline
 * ({@link ChannelSend#content()}). Every text in them is Liquid.
 *
 * <table>
 *   <caption>Fields per channel</caption>
 *   <tr><th>Channel</th><th>Fields</th></tr>
 *   <tr><td>{@code sms}</td><td>{@code body} (required)</td></tr>
 *   <tr><td>{@code push}</td><td>{@code title}, {@code message} (required), {@code image_url},
 *       {@code link}, {@code sound}, {@code custom_data} (object of strings), {@code
 *       custom_payload} (object: {@code ios}, {@code android})</td></tr>
 *   <tr><td>{@code whatsapp}</td><td>{@code body} (free-form text) or {@code template} ({@code
 *       name}, {@code language}, {@code components} as in Meta's Cloud API); {@code language}
 *       (Customer.io's; the template's language, over {@code template.language}); {@code media}
 *       ({@code type} image, video, audio or document, {@code link} or {@code id}, {@code caption},
 *       {@code filename}; {@code body} is its caption)</td></tr>
 *   <tr><td>{@code in_app}</td><td>{@code title}, {@code message} (required), {@code type}
 *       ({@code modal} or {@code banner}), {@code image_url}, {@code buttons} (list of {@code
 *       {label, action, url}})</td></tr>
 *   <tr><td>{@code webhook}</td><td>{@code url} (required; the recipient), {@code method} ({@code
 *       GET}, {@code POST} — the default —, {@code PUT}, {@code PATCH}, {@code DELETE}), {@code
 *       headers} (object of strings), {@code body}, {@code timeout_seconds} (1 to 300), {@code
 *       retries} (0 to 10: further attempts after a 5xx, a 408 or no answer)</td></tr>
 *   <tr><td>{@code slack}</td><td>{@code text} or {@code blocks} (Block Kit, list of objects),
 *       {@code slack_channel} (a channel id or name for {@code chat.postMessage}, or an
 *       incoming-webhook URL; empty for the channel setting's default)</td></tr>
 * </table>
 *
 * <p>Webhook and Slack messages are addressed by their content ({@link #ADDRESSED}), not by the
 * person: they go to a system, so the person's subscription does not stop them.
 */
public final class ChannelFields {

  /** The channels besides email that Herald sends transactional messages on. */
  public static final List<String> CHANNELS =
      List.of("sms", "push", "whatsapp", "in_app", "webhook", "slack");

  /**
   * The channels whose recipient is in the message ({@code url}, {@code slack_channel}); a send's
   * {@code to} overrides it.
   */
  public static final Set<String> ADDRESSED = Set.of("webhook", "slack");

  /** Webhook methods. */
  public static final Set<String> WEBHOOK_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

  /** What a field holds. */
  public enum Kind {
    /** A string. */
    TEXT,
    /** An object whose values are strings. */
    STRING_MAP,
    /** An object. */
    OBJECT,
    /** A list of objects. */
    OBJECT_LIST,
    /** A whole number between 0 and {@code maxLength}. */
    INTEGER
  }

  /**
   * A field of a channel's messages.
   *
   * @param name its JSON name
   * @param kind what it holds
   * @param maxLength the longest text it takes (TEXT), in characters; the largest number (INTEGER)
   */
  public record Field(String name, Kind kind, int maxLength) {}

  private static final int TEXT = 100_000;
  private static final int URL = 2_000;

  private static final Map<String, List<Field>> FIELDS =
      Map.of(
          "webhook",
          List.of(
              new Field("url", Kind.TEXT, 998),
              new Field("method", Kind.TEXT, 16),
              new Field("headers", Kind.STRING_MAP, 0),
              new Field("body", Kind.TEXT, 1_000_000),
              new Field("timeout_seconds", Kind.INTEGER, 300),
              new Field("retries", Kind.INTEGER, 10)),
          "slack",
          List.of(
              new Field("text", Kind.TEXT, 40_000),
              new Field("blocks", Kind.OBJECT_LIST, 0),
              new Field("slack_channel", Kind.TEXT, 998)),
          "sms",
          List.of(new Field("body", Kind.TEXT, TEXT)),
          "push",
          List.of(
              new Field("title", Kind.TEXT, TEXT),
              new Field("message", Kind.TEXT, TEXT),
              new Field("image_url", Kind.TEXT, URL),
              new Field("link", Kind.TEXT, URL),
              new Field("sound", Kind.TEXT, 255),
              new Field("custom_data", Kind.STRING_MAP, 0),
              new Field("custom_payload", Kind.OBJECT, 0)),
          "whatsapp",
          List.of(
              new Field("body", Kind.TEXT, TEXT),
              new Field("template", Kind.OBJECT, 0),
              new Field("language", Kind.TEXT, 64),
              new Field("media", Kind.OBJECT, 0)),
          "in_app",
          List.of(
              new Field("title", Kind.TEXT, TEXT),
              new Field("message", Kind.TEXT, TEXT),
              new Field("type", Kind.TEXT, 16),
              new Field("image_url", Kind.TEXT, URL),
              new Field("buttons", Kind.OBJECT_LIST, 0)));

  /** WhatsApp media types ({@code media.type}). */
  public static final List<String> MEDIA_TYPES = List.of("image", "video", "audio", "document");

  /** A language code as WhatsApp templates take it: {@code en}, {@code en_US}, {@code pt-BR}. */
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})?");

  /** In-app message types. */
  public static final Set<String> IN_APP_TYPES = Set.of("modal", "banner");

  private ChannelFields() {}

  /**
   * The fields of a channel's messages.
   *
   * @throws IllegalArgumentException for a channel not in {@link #CHANNELS}
   */
  public static List<Field> of(String channel) {
    List<Field> fields = FIELDS.get(channel);
    if (fields == null) {
      throw new IllegalArgumentException("no such channel: " + channel);
    }
    return fields;
  }

  /**
   * What is missing or wrong in a complete message of the channel (after a send's fields are laid
   * over its saved message's): the required text, the in-app type, the WhatsApp template's name and
   * language, the buttons' labels. Field types are the caller's (the REST adapters) to check.
   *
   * @return one problem per field, empty when the message can be sent
   */
  public static List<String> problems(String channel, Map<String, Object> content) {
    List<String> problems = new ArrayList<>();
    switch (channel) {
      case "sms" -> required(content, "body", problems);
      case "push" -> required(content, "message", problems);
      case "in_app" -> {
        required(content, "message", problems);
        Object type = content.get("type");
        if (type != null && !IN_APP_TYPES.contains(type.toString())) {
          problems.add("type must be modal or banner");
        }
        Object buttons = content.get("buttons");
        if (buttons instanceof List<?> list) {
          for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> b)
                || !(b.get("label") instanceof String l)
                || l.isBlank()) {
              problems.add("buttons[" + i + "].label must be a non-empty string");
            }
          }
        }
      }
      case "whatsapp" -> whatsAppProblems(content, problems);
      case "webhook" -> {
        required(content, "url", problems);
        if (content.get("method") instanceof String m
            && m.indexOf('{') < 0
            && !WEBHOOK_METHODS.contains(m.toUpperCase(java.util.Locale.ROOT))) {
          problems.add("method must be one of GET, POST, PUT, PATCH, DELETE, not " + m);
        }
        if (content.get("timeout_seconds") instanceof Number n && n.longValue() < 1) {
          problems.add("timeout_seconds must be between 1 and 300");
        }
      }
      case "slack" -> {
        boolean text = content.get("text") instanceof String t && !t.isBlank();
        boolean blocks = content.get("blocks") instanceof List<?> b && !b.isEmpty();
        if (!text && !blocks) {
          problems.add("text or blocks is required for a Slack message");
        }
      }
      default -> throw new IllegalArgumentException("no such channel: " + channel);
    }
    return problems;
  }

  private static void whatsAppProblems(Map<String, Object> content, List<String> problems) {
    Object template = content.get("template");
    Object media = content.get("media");
    boolean body = content.get("body") instanceof String s && !s.isBlank();
    if (template == null && media == null && !body) {
      problems.add("body, template or media is required for a WhatsApp message");
    }
    if (template != null && body) {
      problems.add("give either body or template, not both");
    }
    if (template != null && media != null) {
      problems.add(
          "media cannot go with a template (a template's header media goes in its components)");
    }
    Object language = content.get("language");
    boolean languageGiven = language instanceof String l && !l.isBlank();
    if (languageGiven && !LANGUAGE.matcher(language.toString().trim()).matches()) {
      problems.add("language must be a language code such as en_US, not " + language);
    }
    if (template instanceof Map<?, ?> t) {
      if (!(t.get("name") instanceof String n) || n.isBlank()) {
        problems.add("template.name must be a non-empty string");
      }
      if (!languageGiven && (!(t.get("language") instanceof String l) || l.isBlank())) {
        problems.add("template.language must be a language code such as en_US");
      }
      Object components = t.get("components");
      if (components != null && !(components instanceof List<?>)) {
        problems.add("template.components must be an array");
      }
    }
    if (media instanceof Map<?, ?> m) {
      if (!(m.get("type") instanceof String type) || !MEDIA_TYPES.contains(type)) {
        problems.add("media.type must be one of " + String.join(", ", MEDIA_TYPES));
      } else if ("audio".equals(type) && body) {
        problems.add("body cannot go with audio media: WhatsApp audio has no caption");
      }
      boolean link = m.get("link") instanceof String l && !l.isBlank();
      boolean id = m.get("id") instanceof String i && !i.isBlank();
      if (!link && !id) {
        problems.add("media.link (an http or https URL) or media.id is required");
      } else if (link && !m.get("link").toString().trim().matches("(?i)https?://\\S+")) {
        problems.add("media.link must be an http or https URL");
      }
    }
  }

  private static void required(Map<String, Object> content, String name, List<String> problems) {
    if (!(content.get(name) instanceof String s) || s.isBlank()) {
      problems.add(name + " must not be empty");
    }
  }
}
