package io.herald.webadmin.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.herald.messaging.api.InvalidMessageException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of an SMS, push, WhatsApp or in-app message as the message form edits them: texts as
 * inputs, structured fields (push {@code custom_data} and {@code custom_payload}, the WhatsApp
 * {@code template}, in-app {@code buttons}) as JSON text. The SMS and WhatsApp text is the form's
 * {@code body} field.
 */
public class ChannelContentForm implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private String title;
  private String message;
  private String imageUrl;
  private String link;
  private String sound;
  private String type;
  private String customData;
  private String customPayload;
  private String template;
  private String buttons;

  /** A form holding a message's {@code channelContent}. */
  static ChannelContentForm of(Map<String, Object> content) {
    ChannelContentForm f = new ChannelContentForm();
    f.title = text(content, "title");
    f.message = text(content, "message");
    f.imageUrl = text(content, "image_url");
    f.link = text(content, "link");
    f.sound = text(content, "sound");
    f.type = text(content, "type");
    f.customData = json(content.get("custom_data"));
    f.customPayload = json(content.get("custom_payload"));
    f.template = json(content.get("template"));
    f.buttons = json(content.get("buttons"));
    return f;
  }

  /**
   * The channel's content map ({@code body} is the form's SMS or WhatsApp text).
   *
   * @throws InvalidMessageException naming each JSON field that does not parse
   */
  Map<String, Object> toContent(String channel, String body) {
    Map<String, Object> c = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    switch (channel) {
      case "sms" -> put(c, "body", body);
      case "whatsapp" -> {
        put(c, "body", body);
        parse(c, "template", template, false, problems);
      }
      case "push" -> {
        put(c, "title", title);
        put(c, "message", message);
        put(c, "image_url", imageUrl);
        put(c, "link", link);
        put(c, "sound", sound);
        parse(c, "custom_data", customData, false, problems);
        parse(c, "custom_payload", customPayload, false, problems);
      }
      case "in_app" -> {
        put(c, "title", title);
        put(c, "message", message);
        put(c, "type", type);
        put(c, "image_url", imageUrl);
        parse(c, "buttons", buttons, true, problems);
      }
      default -> {
        // email and unknown channels carry no content map; the messaging module names the latter.
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidMessageException(problems);
    }
    return c;
  }

  private static void put(Map<String, Object> c, String key, String value) {
    if (value != null && !value.isBlank()) {
      c.put(key, value);
    }
  }

  private static void parse(
      Map<String, Object> c, String key, String text, boolean array, List<String> problems) {
    if (text == null || text.isBlank()) {
      return;
    }
    String t = text.trim();
    if (array ? !t.startsWith("[") : !t.startsWith("{")) {
      problems.add(key + " must be a JSON " + (array ? "array" : "object"));
      return;
    }
    try {
      c.put(key, JSON.readValue(t, Object.class));
    } catch (JsonProcessingException e) {
      problems.add(
          key
              + " is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    }
  }

  private static String text(Map<String, Object> content, String key) {
    Object v = content.get(key);
    return v == null ? null : v.toString();
  }

  private static String json(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getImageUrl() {
    return imageUrl;
  }

  public void setImageUrl(String imageUrl) {
    this.imageUrl = imageUrl;
  }

  public String getLink() {
    return link;
  }

  public void setLink(String link) {
    this.link = link;
  }

  public String getSound() {
    return sound;
  }

  public void setSound(String sound) {
    this.sound = sound;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getCustomData() {
    return customData;
  }

  public void setCustomData(String customData) {
    this.customData = customData;
  }

  public String getCustomPayload() {
    return customPayload;
  }

  public void setCustomPayload(String customPayload) {
    this.customPayload = customPayload;
  }

  public String getTemplate() {
    return template;
  }

  public void setTemplate(String template) {
    this.template = template;
  }

  public String getButtons() {
    return buttons;
  }

  public void setButtons(String buttons) {
    this.buttons = buttons;
  }
}
