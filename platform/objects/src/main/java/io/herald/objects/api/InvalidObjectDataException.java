package io.herald.objects.api;

import java.util.List;

/**
 * The request breaks a rule of the objects module (limits, types, identifiers); nothing was
 * written. Each problem names the field it concerns (for example {@code
 * cio_relationships[2].identifiers.object_id}) and the reason, so callers can answer in their API's
 * error shape (Track v1 messages, Track v2 {@code field}/{@code message}, App API {@code error}).
 */
public class InvalidObjectDataException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * One problem.
   *
   * @param field the JSON path of the offending field, relative to what the caller parsed
   * @param reason why it is refused
   */
  public record Problem(String field, String reason) {

    /** {@code field: reason}. */
    public String message() {
      return field.isEmpty() ? reason : field + ": " + reason;
    }

    /** The same problem under {@code prefix} (e.g. {@code attributes} + {@code plan}). */
    public Problem under(String prefix) {
      if (prefix.isEmpty()) {
        return this;
      }
      if (field.isEmpty()) {
        return new Problem(prefix, reason);
      }
      return new Problem(prefix + (field.startsWith("[") ? "" : ".") + field, reason);
    }
  }

  private final transient List<Problem> problems;

  /** Every problem found; at least one. */
  public InvalidObjectDataException(List<Problem> problems) {
    super(String.join("; ", problems.stream().map(Problem::message).toList()));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid-data exception needs a problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** A single problem. */
  public static InvalidObjectDataException of(String field, String reason) {
    return new InvalidObjectDataException(List.of(new Problem(field, reason)));
  }

  /** The problems, each with its field. */
  public List<Problem> problems() {
    return problems;
  }

  /** The problems as {@code field: reason} messages. */
  public List<String> messages() {
    return problems.stream().map(Problem::message).toList();
  }

  /** The same problems, each under {@code prefix}. */
  public InvalidObjectDataException under(String prefix) {
    return new InvalidObjectDataException(problems.stream().map(p -> p.under(prefix)).toList());
  }
}
