package io.herald.inapp.api;

import java.util.List;

/** In-app content that cannot be shown, with one problem per bad field. */
public class InvalidInAppContentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  /**
   * @param problems one message per bad field, each starting with the field's name
   */
  public InvalidInAppContentException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One message per bad field. */
  public List<String> problems() {
    return problems;
  }
}
