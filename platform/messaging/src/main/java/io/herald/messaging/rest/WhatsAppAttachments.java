package io.herald.messaging.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Customer.io's {@code attachments} of {@code POST /v1/send/whatsapp} ({@code {"file name":
 * value}}, the shape email takes) as the WhatsApp message's {@code media} field: WhatsApp carries
 * one media file per message and fetches it by link, so the value must be the file's http or https
 * URL (base64 content, which email takes, cannot be sent). The media type follows the file name's
 * extension as Meta's Cloud API supports them: image (jpg, jpeg, png, webp), video (mp4, 3gp),
 * audio (aac, amr, mp3, m4a, ogg, opus), else document (with the file name).
 */
final class WhatsAppAttachments {

  private static final Set<String> IMAGE = Set.of("jpg", "jpeg", "png", "webp");
  private static final Set<String> VIDEO = Set.of("mp4", "3gp");
  private static final Set<String> AUDIO = Set.of("aac", "amr", "mp3", "m4a", "ogg", "opus");

  private static final int MAX_NAME = 240;
  private static final int MAX_URL = 2_000;

  private WhatsAppAttachments() {}

  /**
   * Puts the attachment into {@code content} as {@code media}, or adds what is wrong with it.
   *
   * @param attachments the request's {@code attachments} (null when absent or not an object of
   *     strings, which {@link Fields#strings} reported)
   */
  static void read(
      Map<String, String> attachments, Map<String, Object> content, List<String> problems) {
    if (attachments == null || attachments.isEmpty()) {
      return;
    }
    if (content.containsKey("media")) {
      problems.add("give either attachments or media, not both");
      return;
    }
    if (attachments.size() > 1) {
      problems.add(
          "attachments takes one file: a WhatsApp message carries one media file, not "
              + attachments.size());
      return;
    }
    Map.Entry<String, String> file = attachments.entrySet().iterator().next();
    String name = file.getKey().trim();
    String url = file.getValue().trim();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      problems.add("attachments: a file name of 1 to " + MAX_NAME + " characters is required");
      return;
    }
    if (url.length() > MAX_URL || !url.matches("(?i)https?://\\S+")) {
      problems.add(
          "attachments."
              + name
              + " must be the file's http or https URL: WhatsApp fetches media by link, so"
              + " base64 content cannot be sent");
      return;
    }
    String type = type(name);
    Map<String, Object> media = new LinkedHashMap<>();
    media.put("type", type);
    media.put("link", url);
    if (type.equals("document")) {
      media.put("filename", name);
    }
    content.put("media", media);
  }

  /** The media type of a file name: by its extension, document for any other. */
  static String type(String name) {
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (IMAGE.contains(extension)) {
      return "image";
    }
    if (VIDEO.contains(extension)) {
      return "video";
    }
    if (AUDIO.contains(extension)) {
      return "audio";
    }
    return "document";
  }
}
