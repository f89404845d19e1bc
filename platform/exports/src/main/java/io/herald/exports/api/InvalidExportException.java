package io.herald.exports.api;

import java.util.List;

/**
 * An export request breaks a rule (filter shape, unsupported operator, unknown segment, columns);
 * nothing was created. Each problem names the field it concerns (for example {@code
 * filters.and[1].attribute.operator}) and the reason.
 */
public class InvalidExportException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * One problem.
   *
   * @param field the JSON path of the offending field
   * @param reason why it is refused
   */
  public record Problem(String field, String reason) {

    /** {@code field: reason}. */
    public String message() {
      return field.isEmpty() ? reason : field + ": " + reason;
    }
  }

  private final transient List<Problem> problems;

  /** Every problem found; at least one. */
  public InvalidExportException(List<Problem> problems) {
    super(String.join("; ", problems.stream().map(Problem::message).toList()));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid-export exception needs a problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** A single problem. */
  public static InvalidExportException of(String field, String reason) {
    return new InvalidExportException(List.of(new Problem(field, reason)));
  }

  /** The problems, each with its field. */
  public List<Problem> problems() {
    return problems;
  }

  /** The problems as {@code field: reason} messages. */
  public List<String> messages() {
    return problems.stream().map(Problem::message).toList();
  }
}
