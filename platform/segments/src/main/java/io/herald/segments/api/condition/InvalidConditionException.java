package io.herald.segments.api.condition;

/**
 * A condition tree is not acceptable: unknown operator or leaf, wrong value type, too deep, a
 * segment cycle, an unknown segment. Nothing was written.
 */
public class InvalidConditionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String reason;

  /**
   * @param path where in the tree, as a JSON path from the document root (for example {@code
   *     $.condition.and[2].attribute.operator})
   * @param reason what is wrong there
   */
  public InvalidConditionException(String path, String reason) {
    super(path + ": " + reason);
    this.path = path;
    this.reason = reason;
  }

  /** Where in the tree. */
  public String path() {
    return path;
  }

  /** What is wrong there. */
  public String reason() {
    return reason;
  }
}
