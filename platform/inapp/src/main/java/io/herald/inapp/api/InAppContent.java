package io.herald.inapp.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an in-app message shows: the {@code IN_APP} channel payload of the plugin API ("Channel
 * payloads"): title = the message's subject, message = its body, and the payload keys {@code type},
 * {@code buttons} and {@code image_url}.
 *
 * @param title the heading, may be empty
 * @param message the text, may be empty (not both)
 * @param type {@code modal} (a dialog over the page) or {@code banner} (a strip at the top)
 * @param buttons up to {@link #MAX_BUTTONS} buttons, in order
 * @param imageUrl an http(s) image shown above the text, empty for none
 */
public record InAppContent(
    String title, String message, String type, List<InAppButton> buttons, String imageUrl) {

  /** A dialog over the page. */
  public static final String MODAL = "modal";

  /** A strip at the top of the page. */
  public static final String BANNER = "banner";

  /** Most buttons a message may have. */
  public static final int MAX_BUTTONS = 3;

  /** Longest title, in characters. */
  public static final int MAX_TITLE = 255;

  /** Longest message, in characters. */
  public static final int MAX_MESSAGE = 4000;

  /** Longest button label, in characters. */
  public static final int MAX_LABEL = 60;

  /** Longest URL (button or image), in characters. */
  public static final int MAX_URL = 2048;

  /** Requires every part and copies the buttons. */
  public InAppContent {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(type, "type");
    buttons = List.copyOf(buttons);
    imageUrl = imageUrl == null ? "" : imageUrl;
  }

  /**
   * Reads and checks a message's content as messaging hands it to the provider: {@code type}
   * defaults to {@code modal}; a button's {@code action} defaults to {@code url} when it has a URL
   * and {@code dismiss} otherwise.
   *
   * @param title the subject, may be null
   * @param message the body, may be null
   * @param payload the channel payload ({@code type}, {@code buttons}, {@code image_url}), may be
   *     null
   * @throws InvalidInAppContentException naming every bad field
   */
  public static InAppContent of(String title, String message, Map<String, ?> payload) {
    Map<String, ?> p = payload == null ? Map.of() : payload;
    List<String> problems = new ArrayList<>();
    String t = title == null ? "" : title.strip();
    String m = message == null ? "" : message.strip();
    if (t.isEmpty() && m.isEmpty()) {
      problems.add("title or message is required");
    }
    if (t.length() > MAX_TITLE) {
      problems.add("title is longer than " + MAX_TITLE + " characters");
    }
    if (m.length() > MAX_MESSAGE) {
      problems.add("message is longer than " + MAX_MESSAGE + " characters");
    }
    String type = MODAL;
    Object rawType = p.get("type");
    if (rawType != null) {
      if (rawType instanceof String s
          && (MODAL.equals(s.toLowerCase(Locale.ROOT))
              || BANNER.equals(s.toLowerCase(Locale.ROOT)))) {
        type = s.toLowerCase(Locale.ROOT);
      } else {
        problems.add("type must be modal or banner");
      }
    }
    List<InAppButton> buttons = buttons(p.get("buttons"), problems);
    String image = "";
    Object rawImage = p.get("image_url");
    if (rawImage != null) {
      if (!(rawImage instanceof String s)) {
        problems.add("image_url must be a string");
      } else if (!s.isBlank()) {
        image = s.strip();
        webUrl(image, "image_url", problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInAppContentException(problems);
    }
    return new InAppContent(t, m, type, buttons, image);
  }

  private static List<InAppButton> buttons(Object raw, List<String> problems) {
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List<?> list)) {
      problems.add("buttons must be a list");
      return List.of();
    }
    if (list.size() > MAX_BUTTONS) {
      problems.add("buttons may have at most " + MAX_BUTTONS + " entries");
      return List.of();
    }
    List<InAppButton> buttons = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "buttons[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> b)) {
        problems.add(at + " must be an object");
        continue;
      }
      String label = text(b.get("label"), at + ".label", problems);
      String url = text(b.get("url"), at + ".url", problems);
      String action = text(b.get("action"), at + ".action", problems);
      if (label.isBlank()) {
        problems.add(at + ".label is required");
      } else if (label.length() > MAX_LABEL) {
        problems.add(at + ".label is longer than " + MAX_LABEL + " characters");
      }
      if (action.isEmpty()) {
        action = url.isEmpty() ? InAppButton.DISMISS : InAppButton.URL;
      }
      if (InAppButton.URL.equals(action)) {
        if (url.isEmpty()) {
          problems.add(at + ".url is required for action url");
        } else {
          webUrl(url, at + ".url", problems);
        }
      } else if (InAppButton.DISMISS.equals(action)) {
        url = "";
      } else {
        problems.add(at + ".action must be dismiss or url");
      }
      buttons.add(new InAppButton(label.strip(), action, url));
    }
    return buttons;
  }

  private static String text(Object value, String field, List<String> problems) {
    if (value == null) {
      return "";
    }
    if (value instanceof String s) {
      return s.strip();
    }
    problems.add(field + " must be a string");
    return "";
  }

  /** An absolute http or https URL of at most {@link #MAX_URL} characters. */
  private static void webUrl(String url, String field, List<String> problems) {
    if (url.length() > MAX_URL) {
      problems.add(field + " is longer than " + MAX_URL + " characters");
      return;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        problems.add(field + " must be an absolute http or https URL");
      }
    } catch (URISyntaxException e) {
      problems.add(field + " is not a URL");
    }
  }
}
