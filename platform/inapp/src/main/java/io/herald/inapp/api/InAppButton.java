package io.herald.inapp.api;

import java.util.Objects;

/**
 * A button of an in-app message.
 *
 * @param label the text on the button
 * @param action {@code dismiss} (closes the message) or {@code url} (opens {@code url})
 * @param url the address a {@code url} button opens, empty for {@code dismiss}
 */
public record InAppButton(String label, String action, String url) {

  /** Closes the message. */
  public static final String DISMISS = "dismiss";

  /** Opens the button's URL. */
  public static final String URL = "url";

  /** Requires every part ({@link InAppContent#of} checks the values). */
  public InAppButton {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(action, "action");
    url = url == null ? "" : url;
  }
}
