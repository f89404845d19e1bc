package io.herald.messaging.api;

import java.util.List;

/** A snippet or layout that cannot be deleted because messages (or layouts) use it. */
public class ContentInUseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> users;

  /**
   * @param message e.g. {@code layout 3 is used by transactional message 7 (Welcome)}
   * @param users what uses it, each as {@code transactional message 7 (Welcome)} or {@code layout 3
   *     (Brand)}
   */
  public ContentInUseException(String message, List<String> users) {
    super(message);
    this.users = List.copyOf(users);
  }

  /** What uses it. */
  public List<String> users() {
    return users;
  }
}
