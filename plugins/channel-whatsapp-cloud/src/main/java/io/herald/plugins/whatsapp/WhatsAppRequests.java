package io.herald.plugins.whatsapp;

import io.herald.plugin.api.OutboundMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the body of {@code POST /{version}/{phone_number_id}/messages} from a message of the
 * {@code WHATSAPP} channel, as Meta's Cloud API documents it ("Messages" reference,
 * developers.facebook.com/docs/whatsapp/cloud-api/reference/messages): {@code messaging_product},
 * {@code recipient_type}, {@code to}, {@code type} and the object named by the type.
 */
final class WhatsAppRequests {

  /** The longest text body the Cloud API takes. */
  static final int MAX_TEXT = 4096;

  private static final Pattern E164 = Pattern.compile("\\+?[1-9][0-9]{6,14}");
  private static final Set<String> MEDIA = Set.of("image", "document", "video", "audio");

  private WhatsAppRequests() {}

  /**
   * The request body for {@code message}.
   *
   * @throws InvalidMessageException naming what cannot be sent
   */
  static Map<String, Object> body(OutboundMessage message) throws InvalidMessageException {
    String to = message.recipient().replaceAll("[\\s()-]", "");
    if (!E164.matcher(to).matches()) {
      throw new InvalidMessageException("recipient: not an E.164 phone number");
    }
    Map<String, Object> payload = message.payload();
    String type = type(payload);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("messaging_product", "whatsapp");
    body.put("recipient_type", "individual");
    body.put("to", to);
    body.put("type", type);
    if (type.equals("text")) {
      body.put("text", text(message.body()));
    } else if (type.equals("template")) {
      body.put("template", template(payload.get("template")));
    } else {
      body.put(type, media(type, payload.get("media"), message.body()));
    }
    return body;
  }

  private static String type(Map<String, Object> payload) throws InvalidMessageException {
    Object type = payload.get("type");
    if (type == null) {
      return payload.get("template") != null ? "template" : "text";
    }
    String name = String.valueOf(type).trim().toLowerCase(Locale.ROOT);
    if (!name.equals("text") && !name.equals("template") && !MEDIA.contains(name)) {
      throw new InvalidMessageException(
          "type: must be text, template, image, document, video or audio");
    }
    return name;
  }

  private static Map<String, Object> text(String body) throws InvalidMessageException {
    if (body.isBlank()) {
      throw new InvalidMessageException("body: a text message needs a body");
    }
    if (body.length() > MAX_TEXT) {
      throw new InvalidMessageException(
          "body: longer than the " + MAX_TEXT + " characters WhatsApp takes");
    }
    return Map.of("body", body);
  }

  private static Map<String, Object> template(Object value) throws InvalidMessageException {
    if (!(value instanceof Map<?, ?> template)) {
      throw new InvalidMessageException("template: a template message needs payload.template");
    }
    Object name = template.get("name");
    if (!(name instanceof String n) || n.isBlank()) {
      throw new InvalidMessageException("template.name: is required");
    }
    String language = language(template.get("language"));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("name", n.trim());
    result.put("language", Map.of("code", language));
    Object components = template.get("components");
    if (components != null) {
      if (!(components instanceof List<?> list)) {
        throw new InvalidMessageException("template.components: must be a list");
      }
      if (!list.isEmpty()) {
        result.put("components", list);
      }
    }
    return result;
  }

  /** {@code "en_US"} or Meta's own {@code {"code": "en_US"}}. */
  private static String language(Object value) throws InvalidMessageException {
    Object code = value instanceof Map<?, ?> map ? map.get("code") : value;
    if (!(code instanceof String c) || !c.trim().matches("[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})?")) {
      throw new InvalidMessageException(
          "template.language: a language code such as en_US is required");
    }
    return c.trim();
  }

  private static Map<String, Object> media(String type, Object value, String body)
      throws InvalidMessageException {
    if (!(value instanceof Map<?, ?> media)) {
      throw new InvalidMessageException("media: a " + type + " message needs payload.media");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    Object link = media.get("link");
    Object id = media.get("id");
    if (link instanceof String l && !l.isBlank()) {
      if (!l.startsWith("https://") && !l.startsWith("http://")) {
        throw new InvalidMessageException("media.link: must be an http or https URL");
      }
      result.put("link", l.trim());
    } else if (id instanceof String i && !i.isBlank()) {
      result.put("id", i.trim());
    } else {
      throw new InvalidMessageException("media.link: is required (or media.id of uploaded media)");
    }
    if (!type.equals("audio")) {
      Object caption = media.get("caption");
      String text = caption instanceof String c && !c.isBlank() ? c : body;
      if (!text.isBlank()) {
        result.put("caption", text);
      }
    }
    if (type.equals("document") && media.get("filename") instanceof String f && !f.isBlank()) {
      result.put("filename", f.trim());
    }
    return result;
  }
}
